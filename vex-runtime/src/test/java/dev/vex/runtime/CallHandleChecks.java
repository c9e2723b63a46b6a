package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.TrapCode;
import dev.vex.runtime.jit.CallBinding;
import dev.vex.runtime.jit.SlotBuffer;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * What {@link NativeFunction#handle()} must do whatever the binding: typed handles per
 * signature, values checked against {@link NativeFunction#invoke} (itself checked against the
 * interpreter by the conformance suite), traps, and misuse. {@link CallHandleTest} runs it
 * in-process (JNI on JDK 17), {@link FfmBindingMain} in a JDK 22+ child (FFM).
 */
public final class CallHandleChecks {
    static final String SOURCE = """
            function %add(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = iadd v0, v1
                return v2
            }

            function %narrow(i8, i16, i32) -> i32 {
            block0(v0: i8, v1: i16, v2: i32):
                v3 = sextend.i32 v0
                v4 = sextend.i32 v1
                v5 = iadd v3, v4
                v6 = iadd v5, v2
                return v6
            }

            function %neg8(i8) -> i8 {
            block0(v0: i8):
                v1 = ineg v0
                return v1
            }

            function %mix(f64, f32) -> f64 {
            block0(v0: f64, v1: f32):
                v2 = fpromote.f64 v1
                v3 = fmul v0, v2
                return v3
            }

            function %half(f32) -> f32 {
            block0(v0: f32):
                v1 = f32const 0x1.0p-1
                v2 = fmul v0, v1
                return v2
            }

            function %sum8(i64, i64, i64, i64, i64, i64, i64, i64) -> i64 {
            block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: i64):
                v8 = iadd v0, v1
                v9 = iadd v8, v2
                v10 = iadd v9, v3
                v11 = iadd v10, v4
                v12 = iadd v11, v5
                v13 = iadd v12, v6
                v14 = iadd v13, v7
                return v14
            }

            function %div(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = sdiv v0, v1
                return v2
            }

            function %nothing(i64) {
            block0(v0: i64):
                return
            }

            function %pair(i64) -> i64, i64 {
            block0(v0: i64):
                return v0, v0
            }

            async function %later(i64) -> i64 {
                fn0 = async %vex_yield()
            block0(v0: i64):
                await fn0()
                return v0
            }
            """;

    private CallHandleChecks() {
    }

    /** Runs every check; throws {@link AssertionError} on the first failure. */
    public static void run() throws Throwable {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "handles.clif"))) {
            typesAndValues(m);
            trapsAndMisuse(m);
        }
        closedModule();
    }

    private static void typesAndValues(NativeModule m) throws Throwable {
        MethodHandle add = m.function("add").handle();
        assertEquals(MethodType.methodType(long.class, long.class, long.class), add.type());
        assertEquals(42L, (long) add.invokeExact(40L, 2L));
        assertEquals(Long.MIN_VALUE, (long) add.invokeExact(Long.MAX_VALUE, 1L), "i64 wraps");
        assertTrue(add == m.function("add").handle(), "the handle is made once");

        MethodHandle narrow = m.function("narrow").handle();
        assertEquals(MethodType.methodType(int.class, byte.class, short.class, int.class), narrow.type());
        for (byte a : new byte[] {-128, -1, 0, 5, 127}) {
            for (short b : new short[] {-32768, -2, 0, 300}) {
                for (int c : new int[] {Integer.MIN_VALUE, -7, 0, 1 << 20}) {
                    int viaHandle = (int) narrow.invokeExact(a, b, c);
                    assertEquals(m.function("narrow").invoke(a, b, c), viaHandle, a + ", " + b + ", " + c);
                }
            }
        }
        MethodHandle neg8 = m.function("neg8").handle();
        assertEquals((byte) -5, (byte) neg8.invokeExact((byte) 5));
        assertEquals((byte) -128, (byte) neg8.invokeExact((byte) -128), "i8 negation wraps");

        MethodHandle mix = m.function("mix").handle();
        assertEquals(MethodType.methodType(double.class, double.class, float.class), mix.type());
        assertEquals(m.function("mix").invoke(1.5, 0.1f), (double) mix.invokeExact(1.5, 0.1f));
        MethodHandle half = m.function("half").handle();
        assertEquals(-0.75f, (float) half.invokeExact(-1.5f));
        assertTrue(Float.isNaN((float) half.invokeExact(Float.NaN)));

        MethodHandle sum8 = m.function("sum8").handle();
        assertEquals(36L, (long) sum8.invokeExact(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), "more than six go through an array");

        MethodHandle nothing = m.function("nothing").handle();
        assertEquals(MethodType.methodType(void.class, long.class), nothing.type());
        nothing.invokeExact(9L);
    }

    private static void trapsAndMisuse(NativeModule m) throws Throwable {
        MethodHandle div = m.function("div").handle();
        assertEquals(-3, (int) div.invokeExact(21, -7));
        VexTrapException t = assertThrows(VexTrapException.class, () -> {
            int unused = (int) div.invokeExact(1, 0);
        });
        assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, t.trapCode());
        assertEquals("div", t.function());
        assertEquals(7, (int) div.invokeExact(49, 7), "calls work after a trap");

        assertThrows(VexCallException.class, () -> m.function("pair").handle());
        assertThrows(VexCallException.class, () -> m.function("later").handle());
        assertThrows(VexCallException.class, () -> m.function("later").address());
        assertTrue(m.function("add").address() >= m.codeAddress()
                && m.function("add").address() < m.codeAddress() + m.mappedSize(), "the C entry is in the module");
    }

    private static void closedModule() throws Throwable {
        NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "handles.clif"));
        MethodHandle add = m.function("add").handle();
        assertEquals(3L, (long) add.invokeExact(1L, 2L));
        m.close();
        VexCallException e = assertThrows(VexCallException.class, () -> {
            long unused = (long) add.invokeExact(1L, 2L);
        });
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /** The binding this process chose, as {@link SlotBuffer} reports it. */
    public static String binding() {
        assertEquals(CallBinding.invoker().binding(), SlotBuffer.binding());
        return SlotBuffer.binding();
    }
}
