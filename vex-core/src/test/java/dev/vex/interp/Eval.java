package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/** Short calls into {@link ScalarEvaluator} for the tests. */
final class Eval {
    private Eval() {}

    /** A one-result operation whose operands all have type {@code t}. */
    static long op(Opcode op, Type t, long... args) {
        return conv(op, t, t, args);
    }

    /** A one-result operation with result type {@code to} and first operand type {@code from}. */
    static long conv(Opcode op, Type to, Type from, long... args) {
        long[] out = new long[2];
        assertEquals(1, ScalarEvaluator.evaluate(op, to, from, args, 0, null, null, null, out), op + " result count");
        return out[0];
    }

    /** A {@code *_imm} form: {@code x} is the operand, {@code imm} the immediate. */
    static long imm(Opcode op, Type t, long x, long imm) {
        long[] out = new long[2];
        assertEquals(1, ScalarEvaluator.evaluate(op, t, t, new long[] {x}, imm, null, null, null, out));
        return out[0];
    }

    /** A two-result operation: {result, flag}. */
    static long[] pair(Opcode op, Type t, long... args) {
        long[] out = new long[2];
        assertEquals(2, ScalarEvaluator.evaluate(op, t, t, args, 0, null, null, null, out), op + " result count");
        return out;
    }

    static long icmp(IntCC cc, Type t, long a, long b) {
        long[] out = new long[1];
        ScalarEvaluator.evaluate(Opcode.ICMP, t, t, new long[] {a, b}, 0, cc, null, null, out);
        return out[0];
    }

    static long fcmp(FloatCC cc, Type t, long a, long b) {
        long[] out = new long[1];
        ScalarEvaluator.evaluate(Opcode.FCMP, t, t, new long[] {a, b}, 0, null, cc, null, out);
        return out[0];
    }

    /** Asserts that the conversion traps with {@code code}. */
    static void assertTrapConv(TrapCode code, Opcode op, Type to, Type from, long... args) {
        Trap trap = assertThrows(Trap.class, () -> conv(op, to, from, args), op + " should trap");
        assertEquals(code, trap.code());
    }

    static void assertTrap(TrapCode code, Opcode op, Type t, long... args) {
        assertTrapConv(code, op, t, t, args);
    }

    static long f32(float f) {
        return Float.floatToRawIntBits(f) & 0xffff_ffffL;
    }

    static long f64(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Asserts equal bit patterns, printed in hex. */
    static void assertBits(long expected, long actual) {
        assertEquals(Long.toHexString(expected), Long.toHexString(actual));
    }
}
