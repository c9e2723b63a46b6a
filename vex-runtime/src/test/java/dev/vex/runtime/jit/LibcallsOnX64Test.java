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
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Cranelift's named libcalls ({@code %CeilF32}, {@code %Memcpy}, ...) on x64: calls of their C
 * symbols, linked by the JIT from libm and libc. {@code libcalls.clif} calls every one of them
 * and holds on the interpreter and natively alike.
 */
class LibcallsOnX64Test {
    private static Path file() throws URISyntaxException {
        return Path.of(LibcallsOnX64Test.class.getResource("libcalls.clif").toURI());
    }

    @Test
    void everyLibcallGivesTheInterpretersResults() throws URISyntaxException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        StringBuilder log = new StringBuilder();
        TestReport interp = X64ConformanceTest.run(new InterpreterEngine(), file(), log);
        TestReport native_ = X64ConformanceTest.run(X64ConformanceTest.x64(), file(), log);
        assertEquals(0, interp.failed() + native_.failed(), log::toString);
        assertEquals(11, interp.passed(), log::toString);
        assertEquals(11, native_.passed(), log::toString);
    }

    @Test
    void aModuleFunctionNamedLikeTheLibcallsSymbolIsAnError() {
        Module m = ClifReader.readModule("""
                function %ceilf(f32) -> f32 {
                block0(v0: f32):
                    return v0
                }
                function %g(f32) -> f32 {
                    fn0 = %CeilF32(f32) -> f32
                block0(v0: f32):
                    v1 = call fn0(v0)
                    return v1
                }
                """, "t.clif");
        BackendException e = assertThrows(BackendException.class, () -> new X64Target().compile(m, CompileOptions.AOT));
        assertTrue(e.getMessage().contains("%CeilF32 calls the C function ceilf, but the module defines a function %ceilf"),
                e.getMessage());
    }
}
