package dev.vex.interp;

import static dev.vex.interp.Eval.assertBits;
import static dev.vex.interp.Eval.f32;
import static dev.vex.interp.Eval.f64;
import static dev.vex.interp.Eval.op;
import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;

import org.junit.jupiter.api.Test;

class FloatArithmeticTest {
    private static final long QNAN32 = 0x7fc0_0000L;
    private static final long QNAN64 = 0x7ff8_0000_0000_0000L;

    @Test
    void f32ArithmeticRoundsToSinglePrecision() {
        // 1 + 2^-24 is exact in double but a tie in f32: ties go to the even significand, 1.
        assertBits(f32(1f), op(FADD, F32, f32(1f), f32(0x1p-24f)));
        // (1 + 2^-23) + 2^-24 ties between 1 + 2^-23 (odd) and 1 + 2^-22 (even).
        assertBits(0x3f80_0002L, op(FADD, F32, 0x3f80_0001L, f32(0x1p-24f)));
        assertBits(0x3eaa_aaabL, op(FDIV, F32, f32(1f), f32(3f))); // 1/3 rounded up
        assertBits(0x3fd5_5555_5555_5555L, op(FDIV, F64, f64(1.0), f64(3.0)));
        assertBits(f32(0x1p-149f), op(FMUL, F32, f32(0x1p-75f), f32(0x1p-74f))); // subnormal result
        assertBits(0, op(FMUL, F32, f32(0x1p-75f), f32(0x1p-75f))); // 2^-150 ties to even: +0
        assertBits(0x7f80_0000L, op(FMUL, F32, f32(0x1p127f), f32(2f))); // overflow to +inf
        assertBits(f64(-0.0), op(FSUB, F64, f64(-0.0), f64(0.0)));
        assertBits(f64(0.0), op(FSUB, F64, f64(1.0), f64(1.0)));
        assertBits(f32(-0f), op(FMUL, F32, f32(-1f), f32(0f)));
        assertBits(0xff80_0000L, op(FDIV, F32, f32(-1f), f32(0f)));
    }

    @Test
    void fmaRoundsOnce() {
        // (1 + 2^-52)(1 - 2^-52) - 1 = -2^-104 exactly; rounding the product first gives 0.
        assertBits(f64(-0x1p-104), op(FMA, F64, f64(1 + 0x1p-52), f64(1 - 0x1p-52), f64(-1.0)));
        assertBits(f32(-0x1p-46f), op(FMA, F32, f32(1 + 0x1p-23f), f32(1 - 0x1p-23f), f32(-1f)));
        assertBits(f64(7.0), op(FMA, F64, f64(2.0), f64(3.0), f64(1.0)));
        assertBits(QNAN64, op(FMA, F64, f64(0.0), f64(Double.POSITIVE_INFINITY), f64(1.0)));
    }

    @Test
    void squareRootIsCorrectlyRounded() {
        assertBits(0x3ff6_a09e_667f_3bcdL, op(SQRT, F64, f64(2.0)));
        assertBits(0x3fb5_04f3L, op(SQRT, F32, f32(2f)));
        assertBits(f64(-0.0), op(SQRT, F64, f64(-0.0)));
        assertBits(QNAN32, op(SQRT, F32, f32(-1f)));
        assertBits(0x7f80_0000L, op(SQRT, F32, 0x7f80_0000L));
        assertBits(f32(0x1p-74f), op(SQRT, F32, f32(0x1p-148f))); // of a subnormal
    }

    @Test
    void nanOperandsPropagateQuietened() {
        // The first NaN operand wins, with its quiet bit set and its payload kept.
        assertBits(0x7fc0_0005L, op(FADD, F32, 0x7fc0_0005L, f32(1f)));
        assertBits(0x7fc0_0001L, op(FADD, F32, f32(1f), 0x7f80_0001L)); // sNaN:0x1
        assertBits(0xffc0_0003L, op(FSUB, F32, 0xff80_0003L, 0x7fc0_0007L));
        assertBits(0x7ff8_0000_0000_0009L, op(FMUL, F64, 0x7ff0_0000_0000_0009L, 0x7ff8_0000_0000_0001L));
        assertBits(0x7fc0_0002L, op(FMA, F32, f32(1f), 0x7f80_0002L, 0x7fc0_0003L));
        assertBits(0xfff8_0000_0000_0001L, op(SQRT, F64, 0xfff0_0000_0000_0001L));
        // A NaN made from non-NaN operands is the canonical one.
        assertBits(QNAN32, op(FDIV, F32, f32(0f), f32(0f)));
        assertBits(QNAN64, op(FSUB, F64, f64(Double.POSITIVE_INFINITY), f64(Double.POSITIVE_INFINITY)));
        assertBits(QNAN64, op(FMUL, F64, f64(0.0), f64(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void signOperationsAreBitOperationsThatKeepPayloads() {
        assertBits(0xff80_0001L, op(FNEG, F32, 0x7f80_0001L));
        assertBits(0x7f80_0001L, op(FABS, F32, 0xff80_0001L));
        assertBits(0x8000_0000_0000_0000L, op(FNEG, F64, 0));
        assertBits(0, op(FABS, F64, 0x8000_0000_0000_0000L));
        assertBits(0xffc0_0001L, op(FCOPYSIGN, F32, 0x7fc0_0001L, 0xffc0_0000L));
        assertBits(0x7ff0_0000_0000_0001L, op(FCOPYSIGN, F64, 0xfff0_0000_0000_0001L, f64(1.0)));
        assertBits(f64(-2.0), op(FCOPYSIGN, F64, f64(2.0), f64(-0.0)));
    }

    @Test
    void minimumAndMaximumOrderSignedZerosAndPropagateNaN() {
        assertBits(f32(-0f), op(FMIN, F32, f32(0f), f32(-0f)));
        assertBits(f32(-0f), op(FMIN, F32, f32(-0f), f32(0f)));
        assertBits(f32(0f), op(FMAX, F32, f32(0f), f32(-0f)));
        assertBits(f32(0f), op(FMAX, F32, f32(-0f), f32(0f)));
        assertBits(f64(-0.0), op(FMIN, F64, f64(-0.0), f64(0.0)));
        assertBits(f64(0.0), op(FMAX, F64, f64(0.0), f64(-0.0)));
        assertBits(f64(-1.0), op(FMIN, F64, f64(-1.0), f64(-0.0)));
        assertBits(0x0040_0000L, op(FMAX, F32, 0x0040_0000L, 0x003f_ffffL)); // subnormals
        assertBits(0x803f_ffffL, op(FMIN, F32, 0x803f_ffffL, 0x8000_0001L));
        assertBits(f32(Float.NEGATIVE_INFINITY), op(FMIN, F32, f32(Float.NEGATIVE_INFINITY), f32(0f)));
        assertBits(0x7fc0_0001L, op(FMIN, F32, f32(0f), 0x7f80_0001L));
        assertBits(0xffc0_0000L, op(FMAX, F32, 0xffc0_0000L, f32(Float.POSITIVE_INFINITY)));
        assertBits(0x7ff8_0000_0000_0003L, op(FMAX, F64, 0x7ff0_0000_0000_0003L, 0x7ff8_0000_0000_0004L));
    }

    @Test
    void roundingToIntegralValues() {
        assertBits(f64(-0.0), op(CEIL, F64, f64(-0.5)));
        assertBits(f64(1.0), op(CEIL, F64, f64(0.25)));
        assertBits(f64(-2.0), op(FLOOR, F64, f64(-1.5)));
        assertBits(f64(-0.0), op(FLOOR, F64, f64(-0.0)));
        assertBits(f64(0.0), op(FLOOR, F64, f64(0.75)));
        assertBits(f64(-0.0), op(TRUNC, F64, f64(-0.75)));
        assertBits(f64(-1.0), op(TRUNC, F64, f64(-1.75)));
        assertBits(f64(0.0), op(NEAREST, F64, f64(0.5)));
        assertBits(f64(-0.0), op(NEAREST, F64, f64(-0.5)));
        assertBits(f64(2.0), op(NEAREST, F64, f64(1.5)));
        assertBits(f64(2.0), op(NEAREST, F64, f64(2.5)));
        assertBits(f64(-4.0), op(NEAREST, F64, f64(-3.5)));
        assertBits(f64(0x1p52), op(NEAREST, F64, f64(0x1p52 - 0.5)));
        assertBits(f32(0x1p23f), op(NEAREST, F32, f32(0x1p23f - 0.5f)));
        assertBits(f32(0x1p24f + 2), op(CEIL, F32, f32(0x1p24f + 2))); // already integral
        assertBits(f32(-0f), op(NEAREST, F32, f32(-0x1p-149f)));
        assertBits(f32(1f), op(CEIL, F32, f32(0x1p-149f)));
        assertBits(f32(-1f), op(FLOOR, F32, f32(-0x1p-149f)));
        assertBits(0xff80_0000L, op(TRUNC, F32, 0xff80_0000L));
        assertBits(0x7fc0_0001L, op(CEIL, F32, 0x7f80_0001L));
        assertBits(0xfff8_0000_0000_0002L, op(NEAREST, F64, 0xfff0_0000_0000_0002L));
    }
}
