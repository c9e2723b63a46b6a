package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.interp.InterpreterEngine;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import org.junit.jupiter.api.Test;

/**
 * Traps in async code, native against the interpreter: the same outcome, trap code and the
 * function the trap was in, whether it trips before any suspension, after a real one with many
 * values live, deep in boxed recursion, in a spawned task that is joined, or in a float
 * conversion after a sleep; and the same results where nothing traps.
 */
class AsyncTrapDifferentialTest {
    static final String SOURCE = """
            async function %div_after_yield(i64, i64) -> i64 {
                fn0 = async %vex_yield()
            block0(v0: i64, v1: i64):
                v2 = imul_imm v0, 3
                v3 = iadd_imm v0, 7
                v4 = bxor v0, v1
                v5 = ishl_imm v1, 2
                await fn0()
                v6 = sdiv v0, v1
                v7 = iadd v2, v3
                v8 = iadd v4, v5
                v9 = iadd v7, v8
                v10 = iadd v9, v6
                return v10
            }

            async function %ready_div(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = udiv v0, v1
                return v2
            }

            async function %calls_ready_div(i64, i64) -> i64 {
                fn0 = async %ready_div(i64, i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = await fn0(v0, v1)
                v3 = iadd_imm v2, 1
                return v3
            }

            async function %rec(i64, i64) -> i64 {
                fn0 = async %rec(i64, i64) -> i64
                fn1 = async %vex_yield()
            block0(v0: i64, v1: i64):
                brif v0, block1, block2
            block1:
                v2 = iadd_imm v0, -1
                await fn1()
                v3 = await_boxed fn0(v2, v1)
                v4 = iadd v3, v0
                return v4
            block2:
                v5 = iconst.i64 100
                v6 = sdiv v5, v1
                return v6
            }

            async function %child(i64) -> i64 {
                fn0 = async %vex_sleep(i64)
            block0(v0: i64):
                v1 = iconst.i64 1000
                await fn0(v1)
                v2 = iconst.i64 -1
                v3 = sdiv v0, v2
                return v3
            }

            async function %joins_child(i64) -> i64 {
                fn0 = async %child(i64) -> i64
                fn1 = async %vex_join(i64) -> i64
            block0(v0: i64):
                v1 = spawn fn0(v0)
                v2 = await fn1(v1)
                v3 = iadd_imm v2, 1
                return v3
            }

            async function %to_int(f64) -> i32 {
                fn0 = async %vex_sleep(i64)
            block0(v0: f64):
                v1 = iconst.i64 500
                await fn0(v1)
                v2 = fcvt_to_sint.i32 v0
                return v2
            }
            """;

    record Call(String function, long[] args) {
    }

    @Test
    void trapsAndResultsAgree() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Module m = ClifReader.readModule(SOURCE, "traps.clif");
        Call[] calls = {
            new Call("div_after_yield", new long[] {10, 0}),
            new Call("div_after_yield", new long[] {Long.MIN_VALUE, -1}),
            new Call("div_after_yield", new long[] {10, 3}),
            new Call("calls_ready_div", new long[] {10, 0}),
            new Call("calls_ready_div", new long[] {10, 5}),
            new Call("rec", new long[] {50, 0}),
            new Call("rec", new long[] {50, 4}),
            new Call("joins_child", new long[] {Long.MIN_VALUE}),
            new Call("joins_child", new long[] {42}),
            new Call("to_int", new long[] {Double.doubleToRawLongBits(Double.NaN)}),
            new Call("to_int", new long[] {Double.doubleToRawLongBits(1e10)}),
            new Call("to_int", new long[] {Double.doubleToRawLongBits(-2.75)}),
        };
        int trapped = 0;
        try (LoadedModule interp = new InterpreterEngine().load(m);
             LoadedModule x64 = new NativeEngine("x64", "x86_64", X64Target::new).load(m)) {
            for (Call c : calls) {
                Outcome want = interp.invoke(c.function(), c.args());
                Outcome got = x64.invoke(c.function(), c.args());
                assertEquals(want, got, "%" + c.function() + java.util.Arrays.toString(c.args()));
                if (want instanceof Outcome.Trapped) {
                    trapped++;
                }
            }
        }
        assertEquals(7, trapped, "seven of the calls trap");
        try (LoadedModule x64 = new NativeEngine("x64", "x86_64", X64Target::new).load(m)) {
            Outcome.Trapped t = assertInstanceOf(Outcome.Trapped.class, x64.invoke("joins_child", new long[] {Long.MIN_VALUE}));
            assertEquals(new Outcome.Trapped(TrapCode.INTEGER_OVERFLOW, "child"), t);
        }
    }
}
