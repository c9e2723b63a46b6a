package dev.vex.interp;

import static dev.vex.interp.Eval.assertBits;
import static dev.vex.interp.Eval.f32;
import static dev.vex.interp.Eval.f64;
import static dev.vex.interp.Eval.fcmp;
import static dev.vex.interp.Eval.icmp;
import static dev.vex.ir.Type.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
    @Test
    void integerConditionsReadTheBitsSignedOrUnsigned() {
        // 0x80 is -128 signed and 128 unsigned.
        long a = 0x80;
        long b = 0x01;
        assertEquals(0, icmp(IntCC.EQ, I8, a, b));
        assertEquals(1, icmp(IntCC.NE, I8, a, b));
        assertEquals(1, icmp(IntCC.SLT, I8, a, b));
        assertEquals(1, icmp(IntCC.SLE, I8, a, b));
        assertEquals(0, icmp(IntCC.SGT, I8, a, b));
        assertEquals(0, icmp(IntCC.SGE, I8, a, b));
        assertEquals(0, icmp(IntCC.ULT, I8, a, b));
        assertEquals(0, icmp(IntCC.ULE, I8, a, b));
        assertEquals(1, icmp(IntCC.UGT, I8, a, b));
        assertEquals(1, icmp(IntCC.UGE, I8, a, b));
        assertEquals(1, icmp(IntCC.SLE, I16, 0xffff, 0xffff));
        assertEquals(1, icmp(IntCC.UGE, I16, 0xffff, 0xffff));
        assertEquals(1, icmp(IntCC.SLT, I64, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(1, icmp(IntCC.UGT, I64, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(1, icmp(IntCC.SGT, I32, 0x7fff_ffffL, 0x8000_0000L));
        assertEquals(0, icmp(IntCC.UGT, I32, 0x7fff_ffffL, 0x8000_0000L));
    }

    @Test
    void icmpImmCutsTheImmediateToTheOperandType() {
        long[] out = new long[1];
        ScalarEvaluator.evaluate(Opcode.ICMP_IMM, I16, I16, new long[] {0xffff}, -1, IntCC.EQ, null, null, out);
        assertEquals(1, out[0]);
        ScalarEvaluator.evaluate(Opcode.ICMP_IMM, I8, I8, new long[] {0x80}, 0, IntCC.SLT, null, null, out);
        assertEquals(1, out[0]);
        ScalarEvaluator.evaluate(Opcode.ICMP_IMM, I8, I8, new long[] {0x80}, 0x1_80, IntCC.EQ, null, null, out);
        assertEquals(1, out[0]);
    }

    @Test
    void floatConditionsWithNaNAndSignedZeros() {
        long nan = 0x7fc0_0000L;
        long one = f32(1f);
        for (FloatCC cc : FloatCC.values()) {
            boolean unordered = cc == FloatCC.UNO || cc == FloatCC.NE || cc == FloatCC.UEQ || cc == FloatCC.ULT
                    || cc == FloatCC.ULE || cc == FloatCC.UGT || cc == FloatCC.UGE;
            assertEquals(unordered ? 1 : 0, fcmp(cc, F32, one, nan), cc + " with NaN");
            assertEquals(unordered ? 1 : 0, fcmp(cc, F64, f64(Double.NaN), f64(1.0)), cc + " with NaN");
        }
        for (FloatCC cc : new FloatCC[] {FloatCC.EQ, FloatCC.LE, FloatCC.GE, FloatCC.UEQ, FloatCC.ORD}) {
            assertEquals(1, fcmp(cc, F32, f32(-0f), f32(0f)), cc + " on -0, +0");
            assertEquals(1, fcmp(cc, F64, f64(-0.0), f64(0.0)), cc + " on -0, +0");
        }
        for (FloatCC cc : new FloatCC[] {FloatCC.NE, FloatCC.LT, FloatCC.GT, FloatCC.ONE, FloatCC.UNO}) {
            assertEquals(0, fcmp(cc, F64, f64(-0.0), f64(0.0)), cc + " on -0, +0");
        }
        assertEquals(1, fcmp(FloatCC.LT, F32, one, f32(2f)));
        assertEquals(1, fcmp(FloatCC.ONE, F32, one, f32(2f)));
        assertEquals(0, fcmp(FloatCC.UGT, F32, one, f32(2f)));
        assertEquals(1, fcmp(FloatCC.LT, F64, f64(Double.NEGATIVE_INFINITY), f64(-Double.MAX_VALUE)));
        // Smallest subnormals are ordered above zero.
        assertEquals(1, fcmp(FloatCC.GT, F32, 1, 0));
        assertEquals(1, fcmp(FloatCC.LT, F64, 0x8000_0000_0000_0001L, 0));
    }

    @Test
    void selectIsTrueForAnyNonZeroCondition() {
        for (Type condType : new Type[] {I8, I16, I32, I64}) {
            long high = 1L << (condType.bits() - 1);
            assertBits(11, select(condType, high, 11, 22));
            assertBits(22, select(condType, 0, 11, 22));
        }
        // Floats are chosen bit for bit, NaN payloads included.
        assertBits(0xffc0_0001L, select(I8, 1, 0xffc0_0001L, 0x7fc0_0000L));
        long[] out = new long[1];
        ScalarEvaluator.evaluate(Opcode.SELECT_SPECTRE_GUARD, I32, I8, new long[] {0, 1, 2}, 0, null, null, null, out);
        assertEquals(2, out[0]);
    }

    private static long select(Type condType, long c, long x, long y) {
        long[] out = new long[1];
        ScalarEvaluator.evaluate(Opcode.SELECT, I64, condType, new long[] {c, x, y}, 0, null, null, null, out);
        return out[0];
    }
}
