package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Callback;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.HostSymbols;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexTrapException;
import dev.vex.text.ClifReader;
import org.junit.jupiter.api.Test;

/** The copy-free call path behind {@code invokeLong}: JNI-linked, traps, and calls nested through Java. */
class SlotBufferTest {
    static final String SOURCE = """
            function %sub3(i64, i64, i64) -> i64 {
            block0(v0: i64, v1: i64, v2: i64):
                v3 = isub v0, v1
                v4 = isub v3, v2
                return v4
            }

            function %div(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = sdiv v0, v1
                return v2
            }

            function %twice_via_java(i64) -> i64 {
                fn0 = %java_twice(i64) -> i64
            block0(v0: i64):
                v1 = call fn0(v0)
                v2 = iadd_imm v1, 1
                return v2
            }
            """;

    /** (i64) -> i64 in Java. */
    public interface LongUnary extends Callback {
        /** The operation. */
        long invoke(long a);
    }

    @Test
    void theCallIsAJniMethodAndResultsComeBackInTheirSlots() {
        assertTrue(SlotBuffer.usesJni() || Runtime.version().feature() >= 22, "libvexrt's JNI method was not linked");
        NativeModule[] self = new NativeModule[1];
        // The callback calls back into generated code on the same thread, reusing the buffer.
        LongUnary twice = a -> self[0].function("sub3").invokeLong(a * 3, a, 0);
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "slots.clif"),
                new HostSymbols().javaCallback("java_twice", twice))) {
            self[0] = m;
            NativeFunction sub3 = m.function("sub3");
            assertEquals(100 - 30 - 7L, sub3.invokeLong(100, 30, 7));
            assertEquals(-1L, m.function("div").invokeLong(7, -7), "an i32 result is sign-extended");
            VexTrapException t = assertThrows(VexTrapException.class, () -> m.function("div").invokeLong(1, 0));
            assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, t.trapCode());
            assertEquals("div", t.function());
            assertEquals(3L, m.function("div").invokeLong(9, 3), "calls go on after a trap");
            assertEquals(2 * 21 + 1L, m.function("twice_via_java").invokeLong(21));
            for (long i = 0; i < 10_000; i++) {
                assertEquals(i - 2, sub3.invokeLong(i, 1, 1));
            }
        }
    }
}
