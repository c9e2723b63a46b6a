package dev.vex.runtime.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.vex.runtime.HostSymbols;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexCallException;
import dev.vex.text.ClifReader;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code i128} through the JIT: two argument and result slots per value in
 * {@link dev.vex.runtime.NativeFunction#invokeBits}; System V passing of {@code __int128} to and
 * from C (libgcc's {@code __multi3} and {@code __udivti3} called as foreign functions: register
 * pairs, the result in rax:rdx); and i128 arguments on the stack between Vex functions.
 */
class I128NativeTest {
    private static final String MODULE = """
            function %mul_add(i128, i128, i64) -> i128, i64 {
            block0(v0: i128, v1: i128, v2: i64):
                v3 = imul v0, v1
                v4 = uextend.i128 v2
                v5 = iadd v3, v4
                v6 = ireduce.i64 v5
                return v5, v6
            }

            function %c_mul(i128, i128) -> i128 {
                fn0 = %ext_mul(i128, i128) -> i128
            block0(v0: i128, v1: i128):
                v2 = call fn0(v0, v1)
                return v2
            }

            function %c_div(i128, i128) -> i128 {
                fn0 = %ext_div(i128, i128) -> i128
            block0(v0: i128, v1: i128):
                v2 = call fn0(v0, v1)
                return v2
            }
            """;

    private static final BigInteger MASK = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    @Test
    void wideValuesTakeTwoSlotsLowHalfFirst() {
        try (NativeModule m = Vex.compile(ClifReader.readModule(MODULE.substring(0, MODULE.indexOf("function %c_mul")),
                "t.clif"))) {
            var f = m.function("mul_add");
            // (2^64 + 3) * 5 + 7 = 5 * 2^64 + 22
            assertArrayEquals(new long[] {22, 5, 22}, f.invokeBits(3, 1, 5, 0, 7));
            long[] out = new long[3];
            f.invokeBits(new long[] {-1, -1, -1, -1, 0}, out); // (-1) * (-1) + 0
            assertArrayEquals(new long[] {1, 0, 1}, out);
            VexCallException count = assertThrows(VexCallException.class, () -> f.invokeBits(1, 2, 3));
            assertTrue(count.getMessage().contains("5 argument slots"), count.getMessage());
            assertThrows(VexCallException.class, () -> f.invoke(1L, 2L, 3L));
            assertThrows(VexCallException.class, () -> f.invokeLong(1, 2, 3));
            assertThrows(VexCallException.class, () -> f.invokeBits(new long[5], new long[2]));
        }
    }

    /** libgcc's helpers are C functions taking and returning {@code __int128}. */
    @Test
    void i128ArgumentsAndResultsFollowSystemV() {
        NativeLibrary gcc;
        try {
            gcc = NativeLibrary.getInstance("libgcc_s.so.1");
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "NOT RUN: libgcc_s.so.1 is not loadable: " + e.getMessage());
            return;
        }
        long mul = Pointer.nativeValue(gcc.getFunction("__multi3"));
        long div = Pointer.nativeValue(gcc.getFunction("__udivti3"));
        try (NativeModule m = Vex.compile(ClifReader.readModule(MODULE.substring(MODULE.indexOf("function %c_mul")),
                "t.clif"), HostSymbols.of(Map.of("ext_mul", mul, "ext_div", div)))) {
            Random r = new Random(128);
            for (int i = 0; i < 200; i++) {
                long a0 = r.nextLong();
                long a1 = r.nextInt(4) == 0 ? a0 >> 63 : r.nextLong();
                long b0 = r.nextLong();
                long b1 = r.nextInt(4) == 0 ? b0 >> 63 : r.nextLong();
                BigInteger want = value(a0, a1).multiply(value(b0, b1)).and(MASK);
                assertArrayEquals(halves(want), m.function("c_mul").invokeBits(a0, a1, b0, b1));
                if ((b0 | b1) != 0) {
                    BigInteger q = value(a0, a1).divide(value(b0, b1));
                    assertArrayEquals(halves(q), m.function("c_div").invokeBits(a0, a1, b0, b1));
                }
            }
        }
    }

    /** Five i64s leave one argument register: both i128s go on the stack, 16-byte aligned. */
    @Test
    void i128ArgumentsSpillToTheStackBetweenVexFunctions() {
        String text = """
                function %callee(i64, i64, i64, i64, i64, i128, i128) -> i128 {
                block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i128, v6: i128):
                    v7 = isub v5, v6
                    v8 = uextend.i128 v4
                    v9 = iadd v7, v8
                    return v9
                }

                function %caller(i128, i128, i64) -> i128 {
                    fn0 = %callee(i64, i64, i64, i64, i64, i128, i128) -> i128
                block0(v0: i128, v1: i128, v2: i64):
                    v3 = iconst.i64 0
                    v4 = call fn0(v3, v3, v3, v3, v2, v0, v1)
                    return v4
                }
                """;
        try (NativeModule m = Vex.compile(ClifReader.readModule(text, "t.clif"))) {
            // (2^64 * 9 + 4) - (2^64 * 2 + 6) + 1 = 2^64 * 6 + 2^64 - 1
            assertArrayEquals(new long[] {-1, 6}, m.function("caller").invokeBits(4, 9, 6, 2, 1));
            assertArrayEquals(new long[] {-1, 6}, m.function("callee").invokeBits(0, 0, 0, 0, 1, 4, 9, 6, 2));
        }
    }

    private static BigInteger value(long lo, long hi) {
        return BigInteger.valueOf(hi).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo))).and(MASK);
    }

    private static long[] halves(BigInteger v) {
        return new long[] {v.longValue(), v.shiftRight(64).longValue()};
    }
}
