package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import dev.vex.backend.CompileOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trap code on every opcode that can raise it, compiled by the x64 target and run through
 * the JIT: each surfaces as a {@link VexTrapException} naming the code and the function, the JVM
 * keeps running, and the same function then returns normally for good arguments. Both the host's
 * CPU features and the baseline (no BMI, LZCNT, POPCNT, FMA or SSE4.1) are compiled.
 */
class CompiledTrapTest {
    /** (case name, CLIF body of %f, trapping args, expected code, good args, expected good result). */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String t : List.of("i8", "i16", "i32", "i64")) {
            long min = switch (t) {
                case "i8" -> 0x80;
                case "i16" -> 0x8000;
                case "i32" -> 0x8000_0000L;
                default -> Long.MIN_VALUE;
            };
            for (String op : List.of("udiv", "sdiv", "urem", "srem")) {
                all.add(Arguments.of(op + "." + t + " by zero", binary(op, t), new long[] {7, 0},
                        TrapCode.INTEGER_DIVISION_BY_ZERO, new long[] {7, 2}, op.endsWith("rem") ? 1 : 3));
            }
            all.add(Arguments.of("sdiv." + t + " MIN / -1", binary("sdiv", t), new long[] {min, -1L & mask(t)},
                    TrapCode.INTEGER_OVERFLOW, new long[] {9, 3}, 3));
            all.add(Arguments.of("uadd_overflow_trap." + t, """
                    function %f(T, T) -> T {
                    block0(v0: T, v1: T):
                        v2 = uadd_overflow_trap v0, v1, user7
                        return v2
                    }
                    """.replace("T", t), new long[] {mask(t), 1}, TrapCode.user(7), new long[] {40, 2}, 42));
            all.add(Arguments.of("trapz." + t, """
                    function %f(T) -> T {
                    block0(v0: T):
                        trapz v0, user3
                        return v0
                    }
                    """.replace("T", t), new long[] {0}, TrapCode.user(3), new long[] {5}, 5));
            all.add(Arguments.of("trapnz." + t, """
                    function %f(T) -> T {
                    block0(v0: T):
                        trapnz v0, int_ovf
                        return v0
                    }
                    """.replace("T", t), new long[] {1}, TrapCode.INTEGER_OVERFLOW, new long[] {0}, 0));
        }
        for (String f : List.of("f32", "f64")) {
            long nan = f.equals("f32") ? Float.floatToRawIntBits(Float.NaN) : Double.doubleToRawLongBits(Double.NaN);
            long big = f.equals("f32") ? Float.floatToRawIntBits(1e30f) : Double.doubleToRawLongBits(1e300);
            long three = f.equals("f32") ? Float.floatToRawIntBits(3.5f) : Double.doubleToRawLongBits(3.5);
            for (String t : List.of("i8", "i16", "i32", "i64")) {
                for (String op : List.of("fcvt_to_sint", "fcvt_to_uint")) {
                    String body = """
                            function %f(F) -> T {
                            block0(v0: F):
                                v1 = OP.T v0
                                return v1
                            }
                            """.replace("F", f).replace("T", t).replace("OP", op);
                    all.add(Arguments.of(op + "." + t + " of NaN " + f, body, new long[] {nan},
                            TrapCode.BAD_CONVERSION_TO_INTEGER, new long[] {three}, 3));
                    all.add(Arguments.of(op + "." + t + " of 1e30 " + f, body, new long[] {big},
                            TrapCode.INTEGER_OVERFLOW, new long[] {three}, 3));
                }
            }
        }
        all.add(Arguments.of("trap", """
                function %f(i64) -> i64 {
                block0(v0: i64):
                    brif v0, block1, block2
                block1:
                    trap user9
                block2:
                    return v0
                }
                """, new long[] {1}, TrapCode.user(9), new long[] {0}, 0));
        all.add(Arguments.of("unbounded recursion", """
                function %f(i64) -> i64 {
                    fn0 = %f(i64) -> i64
                block0(v0: i64):
                    brif v0, block1, block2
                block1:
                    v1 = iadd_imm v0, 1
                    v2 = call fn0(v1)
                    return v2
                block2:
                    return v0
                }
                """, new long[] {1}, TrapCode.STACK_OVERFLOW, new long[] {0}, 0));
        return all.stream();
    }

    private static String binary(String op, String t) {
        return """
                function %f(T, T) -> T {
                block0(v0: T, v1: T):
                    v2 = OP v0, v1
                    return v2
                }
                """.replace("T", t).replace("OP", op);
    }

    private static long mask(String t) {
        return switch (t) {
            case "i8" -> 0xff;
            case "i16" -> 0xffff;
            case "i32" -> 0xffff_ffffL;
            default -> -1L;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trapsBecomeExceptionsAndTheJvmLivesOn(String name, String text, long[] bad, TrapCode code, long[] good,
            long goodResult) {
        for (CompileOptions options : List.of(CompileOptions.DEFAULT, CompileOptions.AOT)) {
            try (NativeModule m = Vex.compile(ClifReader.readModule(text, name + ".clif"), new X64Target(), options)) {
                NativeFunction f = m.function("f");
                for (int i = 0; i < 3; i++) {
                    VexTrapException e = assertThrows(VexTrapException.class, () -> f.invokeBits(bad), name);
                    assertEquals(code, e.trapCode(), name);
                    assertEquals("f", e.function().replace("%", ""), name);
                }
                assertEquals(goodResult, f.invokeBits(good)[0], name + " after the traps");
            }
        }
    }
}
