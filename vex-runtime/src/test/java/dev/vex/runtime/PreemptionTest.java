package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.async.PreemptionChecks;
import dev.vex.backend.CompileOptions;
import dev.vex.compile.CompileDriver;
import dev.vex.compile.CompileListener;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import org.junit.jupiter.api.Test;

/**
 * Cooperative preemption: a task whose loop never awaits still lets a sibling run on the same
 * worker, and can be cancelled, on one native worker and on the interpreter alike.
 */
class PreemptionTest {
    private static final String PROGRAM = """
            ; Spins until the word at v0 is non-zero; never awaits.
            async function %spin(i64) -> i64 {
            block0(v0: i64):
                jump block1
            block1:
                v1 = load.i64 v0
                brif v1, block2, block1
            block2:
                return v1
            }

            async function %set(i64) -> i64 {
            block0(v0: i64):
                v1 = iconst.i64 7
                store v1, v0
                return v1
            }

            ; The spinner first, then the task that ends its spin: on one worker only a yield of
            ; the spinner lets the setter run.
            async function %spin_then_set() -> i64 {
                fn0 = %vex_alloc(i64) -> i64
                fn1 = async %spin(i64) -> i64
                fn2 = async %set(i64) -> i64
                fn3 = async %vex_join(i64) -> i64
                fn4 = async %vex_yield()
            block0:
                v0 = iconst.i64 8
                v1 = call fn0(v0)
                v2 = spawn fn1(v1)
                await fn4()
                v3 = spawn fn2(v1)
                v4 = await fn3(v2)
                v5 = await fn3(v3)
                v6 = iadd v4, v5
                return v6
            }

            ; A spinner nobody releases, cancelled: its join reports (1, 0).
            async function %cancel_spinner() -> i64, i64 {
                fn0 = %vex_alloc(i64) -> i64
                fn1 = async %spin(i64) -> i64
                fn2 = %vex_cancel(i64)
                fn3 = async %vex_join_status(i64) -> i64, i64
                fn4 = async %vex_yield()
            block0:
                v0 = iconst.i64 8
                v1 = call fn0(v0)
                v2 = spawn fn1(v1)
                await fn4()
                call fn2(v2)
                v3, v4 = await fn3(v2)
                return v3, v4
            }
            """;

    private static Module module() {
        Module m = ClifReader.readModule(PROGRAM, "preemption.clif");
        Verifier.check(m);
        return m;
    }

    @Test
    void theInterpreterYieldsOutOfASpinningLoop() {
        Interpreter interp = new Interpreter(module());
        assertEquals(new Outcome.Returned(new long[] {14}), interp.run("spin_then_set", new long[0]));
        assertEquals(new Outcome.Returned(new long[] {1, 0}), interp.run("cancel_spinner", new long[0]));
    }

    @Test
    void nativeCodeYieldsOutOfASpinningLoopOnOneWorker() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        try (NativeModule m = Vex.compile(module());
             VexRuntime rt = VexRuntime.create(1)) {
            TaskResult r = rt.blockOn(m.function("spin_then_set").descriptor());
            assertEquals(TaskOutcome.COMPLETED, r.outcome(), r::toString);
            assertEquals(14, r.values()[0]);
            TaskResult c = rt.blockOn(m.function("cancel_spinner").descriptor());
            assertEquals(TaskOutcome.COMPLETED, c.outcome(), c::toString);
            assertEquals(1, c.values()[0], "the spinner's join reports cancelled");
            assertEquals(0, c.values()[1]);
        }
    }

    @Test
    void theChecksAreInAsyncLoopsOnlyAndCanBeTurnedOff() {
        Module m = module();
        String with = CompileDriver.lower(m, CompileOptions.DEFAULT, CompileListener.NONE).module().toString();
        String without = CompileDriver.lower(m, CompileOptions.DEFAULT.withPreemption(false), CompileListener.NONE)
                .module().toString();
        String spinWith = with.substring(with.indexOf("function %spin$resume"), with.indexOf("function %set$resume"));
        String spinWithout = without.substring(without.indexOf("function %spin$resume"), without.indexOf("function %set$resume"));
        assertTrue(spinWith.contains("vex_yield") && spinWith.contains("iadd_imm"), spinWith);
        assertFalse(spinWithout.contains("vex_yield"), spinWithout);
        assertTrue(PreemptionChecks.insert(m).function("spin").toString().contains("await"));
        assertFalse(PreemptionChecks.insert(m).function("set").toString().contains("vex_yield"), "no loop, no check");
        Verifier.check(PreemptionChecks.insert(m));
    }
}
