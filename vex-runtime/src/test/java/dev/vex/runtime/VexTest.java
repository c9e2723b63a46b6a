package dev.vex.runtime;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.jit.HandTarget;
import dev.vex.runtime.jit.JitException;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.verify.VerifyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Vex}: verify, compile, link, call. */
class VexTest {
    static final String SOURCE = """
            function %add(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = iadd v0, v1
                return v2
            }

            function %divz(i64) -> i64 {
            block0(v0: i64):
                trap int_divz
            }
            """;

    @Test
    void compilesWithAGivenTarget() {
        Module m = ClifReader.readModule(SOURCE, "t.clif");
        HandTarget hand = new HandTarget(Map.of(
                "add", a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).ret(),
                "divz", a -> a.mov(EDI, TrapCode.INTEGER_DIVISION_BY_ZERO.number()).call("vex_trap")));
        try (NativeModule nm = Vex.compile(m, hand)) {
            assertEquals(42L, nm.function("%add").invokeLong(40, 2));
            VexTrapException e = assertThrows(VexTrapException.class, () -> nm.function("divz").invoke(1L));
            assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, e.trapCode());
            assertEquals("divz", e.function());
            assertEquals(java.util.List.of("add", "divz"), nm.functionNames());
        }
    }

    /** Once the x64 compiler is in the build this is an end-to-end test; until then it checks the refusal. */
    @Test
    void compilesForThisMachine() {
        Module m = ClifReader.readModule(SOURCE, "t.clif");
        if (!Targets.available("x64")) {
            JitException e = assertThrows(JitException.class, () -> Vex.compile(m));
            assertTrue(e.getMessage().contains("not in this build"), e.getMessage());
            return;
        }
        try (NativeModule nm = Vex.compile(m)) {
            assertEquals(-1L, nm.function("add").invokeLong(Long.MAX_VALUE, Long.MIN_VALUE));
            VexTrapException e = assertThrows(VexTrapException.class, () -> nm.function("divz").invoke(1L));
            assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, e.trapCode());
            assertEquals("divz", e.function());
        }
    }

    @Test
    void modulesAreVerifiedBeforeAnyCompiler() {
        Module bad = ClifReader.readModule("""
                function %f(i64) -> i64 {
                block0(v0: i64):
                    brif v0, block1, block2
                block1:
                    v1 = iconst.i64 1
                    jump block2
                block2:
                    return v1
                }
                """, "bad.clif");
        HandTarget never = new HandTarget(Map.of());
        assertThrows(VerifyException.class, () -> Vex.compile(bad, never));
        assertThrows(VerifyException.class, () -> Vex.compile(bad));
        assertEquals(0, never.compilations());
    }
}
