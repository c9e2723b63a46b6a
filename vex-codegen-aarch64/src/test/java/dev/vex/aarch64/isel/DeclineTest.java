package dev.vex.aarch64.isel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.aarch64.A64Target;
import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/** What the AArch64 selector does not select yet is declined with a BackendException naming it; the rest compiles. */
class DeclineTest {
    private static Module read(String text) {
        return ClifReader.readTestFile(text, "test.clif").module();
    }

    @Test
    void aBigEndianLoadIsDeclinedByName() {
        Module m = read("""
                function %f(i64) -> f64 {
                block0(v0: i64):
                    v1 = load.f64 big v0
                    return v1
                }
                """);
        BackendException e = assertThrows(BackendException.class, () -> new A64Target().compile(m, CompileOptions.AOT));
        assertTrue(e.getMessage().contains("big-endian load") && e.getMessage().contains("aarch64"), e.getMessage());
    }

    @Test
    void floatsAndAtomicsCompile() {
        Module m = read("""
                function %f(f32, f64, i64) -> f64, i8 {
                block0(v0: f32, v1: f64, v2: i64):
                    v3 = fpromote.f64 v0
                    v4 = fma v3, v1, v1
                    v5 = fcmp ueq v4, v1
                    v6 = atomic_rmw.i8 smax v2, v5
                    return v4, v6
                }
                """);
        CompiledModule c = new A64Target().compile(m, CompileOptions.AOT);
        assertEquals(0, c.code().length % 4);
    }

    @Test
    void anUnselectedIntegerOpcodeIsDeclinedByName() {
        Module m = read("""
                function %f(i64, i8) -> i64 {
                block0(v0: i64, v3: i8):
                    v1, v2 = sadd_overflow_cin v0, v0, v3
                    return v1
                }
                """);
        BackendException e = assertThrows(BackendException.class, () -> new A64Target().compile(m, CompileOptions.AOT));
        assertTrue(e.getMessage().contains("sadd_overflow_cin"), e.getMessage());
    }

    @Test
    void theIntegerCoreCompilesWithAnArrayEntryPerFunction() {
        Module m = read("""
                function %g(i32, i32) -> i32, i32 {
                block0(v0: i32, v1: i32):
                    v2 = udiv v0, v1
                    v3 = srem v0, v1
                    return v2, v3
                }
                """);
        CompiledModule c = new A64Target().compile(m, CompileOptions.AOT);
        assertEquals("g$array", c.function("g").arrayEntrySymbol());
        assertEquals(0, c.code().length % 4);
    }
}
