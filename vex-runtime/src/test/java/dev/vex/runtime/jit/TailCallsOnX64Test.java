package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.filetest.TestReport;
import dev.vex.interp.InterpreterEngine;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexTrapException;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Tail calls on x64 ({@code dev.vex.x64.abi.TailCallConvention}): {@code tail-calls.clif} holds
 * on the interpreter and natively alike (a million tail calls with stack arguments, tail calls
 * that pass more and fewer stack arguments than the caller got, indirect ones, return areas);
 * the stack check still catches a recursion reached through tail calls; and a tail call that
 * the default convention cannot express is an error.
 */
class TailCallsOnX64Test {
    private static Path file() throws URISyntaxException {
        return Path.of(TailCallsOnX64Test.class.getResource("tail-calls.clif").toURI());
    }

    @Test
    void tailCallsGiveTheInterpretersResults() throws URISyntaxException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        StringBuilder log = new StringBuilder();
        TestReport interp = X64ConformanceTest.run(new InterpreterEngine(), file(), log);
        TestReport native_ = X64ConformanceTest.run(X64ConformanceTest.x64(), file(), log);
        assertEquals(0, interp.failed() + native_.failed(), log::toString);
        assertEquals(9, interp.passed(), log::toString);
        assertEquals(9, native_.passed(), log::toString);
    }

    @Test
    void recursionBehindATailCallStillTrapsWithStackOverflow() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Module m = ClifReader.readModule("""
                function %deep(i64, i64, i64, i64, i64, i64, i64, i64) -> i64 tail {
                    fn0 = %deep(i64, i64, i64, i64, i64, i64, i64, i64) -> i64 tail
                block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i64):
                    v8 = call fn0(v0, v1, v2, v3, v4, v5, v6, v7)
                    v9 = iadd v8, v7
                    return v9
                }
                function %enter(i64) -> i64 {
                    fn0 = %deep(i64, i64, i64, i64, i64, i64, i64, i64) -> i64 tail
                block0(v0: i64):
                    return_call fn0(v0, v0, v0, v0, v0, v0, v0, v0)
                }
                """, "deep.clif");
        try (NativeModule nm = Vex.compile(m)) {
            for (int i = 0; i < 3; i++) {
                VexTrapException e = assertThrows(VexTrapException.class, () -> nm.function("enter").invoke(1L));
                assertEquals(TrapCode.STACK_OVERFLOW, e.trapCode());
            }
        }
    }

    @Test
    void aTailCallPassingStackArgumentsToTheDefaultConventionIsAnError() {
        Module m = ClifReader.readModule("""
                function %callee(i64, i64, i64, i64, i64, i64, i64) -> i64 {
                block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64):
                    return v6
                }
                function %caller(i64) -> i64 {
                    fn0 = %callee(i64, i64, i64, i64, i64, i64, i64) -> i64
                block0(v0: i64):
                    return_call fn0(v0, v0, v0, v0, v0, v0, v0)
                }
                """, "t.clif");
        BackendException e = assertThrows(BackendException.class, () -> new X64Target().compile(m, CompileOptions.AOT));
        assertTrue(e.getMessage().contains("return_call to a callee with stack arguments needs the tail calling"
                + " convention"), e.getMessage());
    }
}
