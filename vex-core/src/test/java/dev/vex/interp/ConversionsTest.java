package dev.vex.interp;

import static dev.vex.interp.Eval.assertBits;
import static dev.vex.interp.Eval.assertTrapConv;
import static dev.vex.interp.Eval.conv;
import static dev.vex.interp.Eval.f32;
import static dev.vex.interp.Eval.f64;
import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import org.junit.jupiter.api.Test;

class ConversionsTest {
    private static final TrapCode BAD = TrapCode.BAD_CONVERSION_TO_INTEGER;
    private static final TrapCode OVF = TrapCode.INTEGER_OVERFLOW;
    private static final long POS_INF_32 = 0x7f80_0000L;
    private static final long NEG_INF_64 = 0xfff0_0000_0000_0000L;

    @Test
    void integerWidthChanges() {
        assertBits(0xff, conv(UEXTEND, I64, I8, 0xff));
        assertBits(0xffff_ff80L, conv(SEXTEND, I32, I8, 0x80));
        assertBits(0x7f, conv(SEXTEND, I32, I8, 0x7f));
        assertBits(0xffff_ffff_8000_0000L, conv(SEXTEND, I64, I32, 0x8000_0000L));
        assertBits(0xff80, conv(SEXTEND, I16, I8, 0x80));
        assertBits(0xef, conv(IREDUCE, I8, I64, 0x0123_4567_89ab_cdefL));
        assertBits(0x89ab_cdefL, conv(IREDUCE, I32, I64, 0x0123_4567_89ab_cdefL));
        assertThrows(IllegalArgumentException.class, () -> conv(UEXTEND, I8, I32, 1));
    }

    @Test
    void concatenateAndSplitHalves() {
        assertBits(0x1234_5678_9abc_def0L, conv(ICONCAT, I64, I32, 0x9abc_def0L, 0x1234_5678L));
        assertBits(0xff01, conv(ICONCAT, I16, I8, 0x01, 0xff));
        assertThrows(IllegalArgumentException.class, () -> conv(ICONCAT, I64, I64, 1, 2));
        long[] out = new long[2];
        assertEquals(2, ScalarEvaluator.evaluate(ISPLIT, I32, I64, new long[] {0x1234_5678_9abc_def0L}, 0, null, null, null, out));
        assertArrayEquals(new long[] {0x9abc_def0L, 0x1234_5678L}, out);
        ScalarEvaluator.evaluate(ISPLIT, I8, I16, new long[] {0xff01}, 0, null, null, null, out);
        assertArrayEquals(new long[] {0x01, 0xff}, out);
    }

    @Test
    void bitcastKeepsEveryBit() {
        assertBits(0xffff_ffffL, conv(BITCAST, F32, I32, 0xffff_ffffL)); // -NaN:0x3fffff
        assertBits(0x7f80_0001L, conv(BITCAST, I32, F32, 0x7f80_0001L));
        assertBits(-1L, conv(BITCAST, F64, I64, -1L));
        assertBits(0x1234, conv(BITCAST, I16, I16, 0x1234));
        assertThrows(IllegalArgumentException.class, () -> conv(BITCAST, F64, I32, 0));
    }

    @Test
    void promoteIsExactAndQuietensNaNs() {
        assertBits(f64(1.5), conv(FPROMOTE, F64, F32, f32(1.5f)));
        assertBits(f64(0x1p-149), conv(FPROMOTE, F64, F32, 1)); // smallest subnormal
        assertBits(f64(-0.0), conv(FPROMOTE, F64, F32, f32(-0f)));
        assertBits(NEG_INF_64, conv(FPROMOTE, F64, F32, 0xff80_0000L));
        // sNaN:0x1 keeps its payload, shifted to the top of the wider significand, and turns quiet.
        assertBits(0x7ff8_0000_2000_0000L, conv(FPROMOTE, F64, F32, 0x7f80_0001L));
        assertBits(0xffff_ffff_e000_0000L, conv(FPROMOTE, F64, F32, 0xffff_ffffL));
    }

    @Test
    void demoteRoundsToNearestEven() {
        assertBits(f32(1f), conv(FDEMOTE, F32, F64, f64(1 + 0x1p-24))); // tie, down to even
        assertBits(0x3f80_0002L, conv(FDEMOTE, F32, F64, f64(1 + 0x1p-23 + 0x1p-24))); // tie, up to even
        assertBits(0x3f80_0001L, conv(FDEMOTE, F32, F64, f64(1 + 0x1p-24 + 0x1p-40))); // above the tie
        assertBits(POS_INF_32, conv(FDEMOTE, F32, F64, f64(0x1p128)));
        assertBits(0x7f7f_ffffL, conv(FDEMOTE, F32, F64, f64(0x1.fffffefffffffp127))); // just below the overflow tie
        assertBits(0, conv(FDEMOTE, F32, F64, f64(0x1p-150))); // half the smallest subnormal: tie to 0
        assertBits(1, conv(FDEMOTE, F32, F64, f64(0x1.0000000000001p-150)));
        assertBits(0x8000_0000L, conv(FDEMOTE, F32, F64, f64(-0x1p-200)));
        // NaN: sign and the top 22 payload bits kept, quiet bit set.
        assertBits(0x7fe0_0000L, conv(FDEMOTE, F32, F64, 0x7ff4_0000_0000_0001L));
        assertBits(0xffc0_0000L, conv(FDEMOTE, F32, F64, 0xfff0_0000_0000_0001L));
    }

    @Test
    void signedIntegersToFloats() {
        assertBits(f32(-128f), conv(FCVT_FROM_SINT, F32, I8, 0x80));
        assertBits(f64(-1.0), conv(FCVT_FROM_SINT, F64, I16, 0xffff));
        assertBits(f64(-0x1p63), conv(FCVT_FROM_SINT, F64, I64, Long.MIN_VALUE));
        assertBits(f32(0x1p24f), conv(FCVT_FROM_SINT, F32, I32, (1 << 24) + 1)); // tie to even
        assertBits(f32(0x1p24f + 4), conv(FCVT_FROM_SINT, F32, I32, (1 << 24) + 3)); // tie to even, up
        assertBits(f64(0x1p53), conv(FCVT_FROM_SINT, F64, I64, (1L << 53) + 1));
        assertBits(f64(0x1p53 + 4), conv(FCVT_FROM_SINT, F64, I64, (1L << 53) + 3));
        assertBits(f32(-0x1p31f), conv(FCVT_FROM_SINT, F32, I32, 0x8000_0000L));
    }

    @Test
    void unsignedIntegersToFloatsRoundOnce() {
        assertBits(f32(255f), conv(FCVT_FROM_UINT, F32, I8, 0xff));
        assertBits(f64(4294967295.0), conv(FCVT_FROM_UINT, F64, I32, 0xffff_ffffL));
        assertBits(f32(0x1p32f), conv(FCVT_FROM_UINT, F32, I32, 0xffff_ffffL));
        assertBits(0x5f80_0000L, conv(FCVT_FROM_UINT, F32, I64, -1L)); // 2^64
        assertBits(0x43f0_0000_0000_0000L, conv(FCVT_FROM_UINT, F64, I64, -1L)); // 2^64
        assertBits(f64(0x1p63), conv(FCVT_FROM_UINT, F64, I64, Long.MIN_VALUE + 1));
        // At 2^63 an f64 step is 2^11. 2^63 + 2^10 is a tie (to even: down); one more is above
        // it, which a halving that dropped the low bit would miss.
        assertBits(f64(0x1p63), conv(FCVT_FROM_UINT, F64, I64, Long.MIN_VALUE + (1L << 10)));
        assertBits(f64(0x1p63 + 0x1p11), conv(FCVT_FROM_UINT, F64, I64, Long.MIN_VALUE + (1L << 10) + 1));
        assertBits(f64(0x1p63 + 0x1p12), conv(FCVT_FROM_UINT, F64, I64, Long.MIN_VALUE + (3L << 10))); // tie, up to even
        // f32: a step is 2^40 at 2^63.
        assertBits(f32(0x1p63f), conv(FCVT_FROM_UINT, F32, I64, Long.MIN_VALUE + (1L << 39)));
        assertBits(f32(0x1p63f + 0x1p40f), conv(FCVT_FROM_UINT, F32, I64, Long.MIN_VALUE + (1L << 39) + 1));
        assertBits(f32(0x1p24f), conv(FCVT_FROM_UINT, F32, I64, (1L << 24) + 1));
        assertBits(f64(0x1p53), conv(FCVT_FROM_UINT, F64, I64, (1L << 53) + 1));
    }

    @Test
    void floatToSignedIntegerTrapsOutOfRange() {
        assertBits(0x7f, conv(FCVT_TO_SINT, I8, F32, f32(127.9f)));
        assertBits(0x80, conv(FCVT_TO_SINT, I8, F32, f32(-128.9f)));
        assertBits(0, conv(FCVT_TO_SINT, I8, F64, f64(-0.9)));
        assertBits(0xfff8, conv(FCVT_TO_SINT, I16, F64, f64(-8.5)));
        assertTrapConv(OVF, FCVT_TO_SINT, I8, F32, f32(128f));
        assertTrapConv(OVF, FCVT_TO_SINT, I8, F32, f32(-129f));
        assertTrapConv(OVF, FCVT_TO_SINT, I32, F64, f64(0x1p31));
        assertBits(0x8000_0000L, conv(FCVT_TO_SINT, I32, F64, f64(-0x1p31 - 0.5)));
        assertTrapConv(OVF, FCVT_TO_SINT, I32, F64, f64(-0x1p31 - 1));
        assertBits(Long.MIN_VALUE, conv(FCVT_TO_SINT, I64, F64, f64(-0x1p63)));
        assertBits(0x7fff_ffff_ffff_fc00L, conv(FCVT_TO_SINT, I64, F64, f64(0x1.fffffffffffffp62)));
        assertTrapConv(OVF, FCVT_TO_SINT, I64, F64, f64(0x1p63));
        assertTrapConv(OVF, FCVT_TO_SINT, I64, F64, f64(-0x1.0000000000001p63));
        assertTrapConv(OVF, FCVT_TO_SINT, I64, F32, POS_INF_32);
        assertTrapConv(BAD, FCVT_TO_SINT, I64, F32, 0x7fc0_0000L);
        assertTrapConv(BAD, FCVT_TO_SINT, I8, F64, 0xfff0_0000_0000_0001L);
    }

    @Test
    void floatToUnsignedIntegerTrapsOutOfRange() {
        assertBits(0xff, conv(FCVT_TO_UINT, I8, F32, f32(255.9f)));
        assertBits(0, conv(FCVT_TO_UINT, I8, F32, f32(-0.9f)));
        assertBits(0, conv(FCVT_TO_UINT, I32, F64, f64(-0.0)));
        assertTrapConv(OVF, FCVT_TO_UINT, I8, F32, f32(256f));
        assertTrapConv(OVF, FCVT_TO_UINT, I16, F32, f32(-1f));
        assertBits(0xffff_ffffL, conv(FCVT_TO_UINT, I32, F64, f64(4294967295.5)));
        assertBits(Long.MIN_VALUE, conv(FCVT_TO_UINT, I64, F64, f64(0x1p63)));
        assertBits(0xffff_ffff_ffff_f800L, conv(FCVT_TO_UINT, I64, F64, f64(0x1.fffffffffffffp63)));
        assertBits(0xffff_ff00_0000_0000L, conv(FCVT_TO_UINT, I64, F32, f32(0x1.fffffep63f)));
        assertTrapConv(OVF, FCVT_TO_UINT, I64, F64, f64(0x1p64));
        assertTrapConv(OVF, FCVT_TO_UINT, I64, F64, NEG_INF_64);
        assertTrapConv(BAD, FCVT_TO_UINT, I32, F32, 0xff80_0001L);
    }

    @Test
    void saturatingConversionsClampAndMapNaNToZero() {
        for (Type to : new Type[] {I8, I16, I32, I64}) {
            for (Type from : new Type[] {F32, F64}) {
                long nan = from == F32 ? 0xffc0_0000L : 0x7ff8_0000_0000_0001L;
                assertBits(0, conv(FCVT_TO_SINT_SAT, to, from, nan));
                assertBits(0, conv(FCVT_TO_UINT_SAT, to, from, nan));
                long inf = from == F32 ? POS_INF_32 : 0x7ff0_0000_0000_0000L;
                long negInf = from == F32 ? 0xff80_0000L : NEG_INF_64;
                long smax = to.mask() >>> 1;
                assertBits(smax, conv(FCVT_TO_SINT_SAT, to, from, inf));
                assertBits(smax + 1, conv(FCVT_TO_SINT_SAT, to, from, negInf)); // MIN, canonical
                assertBits(to.mask(), conv(FCVT_TO_UINT_SAT, to, from, inf));
                assertBits(0, conv(FCVT_TO_UINT_SAT, to, from, negInf));
            }
        }
        assertBits(0x7f, conv(FCVT_TO_SINT_SAT, I8, F32, f32(300f)));
        assertBits(0x80, conv(FCVT_TO_SINT_SAT, I8, F32, f32(-300f)));
        assertBits(0xfe, conv(FCVT_TO_SINT_SAT, I8, F64, f64(-2.7)));
        assertBits(0xffff, conv(FCVT_TO_UINT_SAT, I16, F32, f32(70000f)));
        assertBits(0, conv(FCVT_TO_UINT_SAT, I16, F32, f32(-1f)));
        assertBits(Long.MAX_VALUE, conv(FCVT_TO_SINT_SAT, I64, F64, f64(0x1p63)));
        assertBits(Long.MIN_VALUE, conv(FCVT_TO_SINT_SAT, I64, F64, f64(-0x1p63)));
        assertBits(Long.MIN_VALUE, conv(FCVT_TO_SINT_SAT, I64, F32, f32(-0x1p64f)));
        assertBits(0x7fff_ffff_ffff_fc00L, conv(FCVT_TO_SINT_SAT, I64, F64, f64(0x1.fffffffffffffp62)));
        assertBits(-1L, conv(FCVT_TO_UINT_SAT, I64, F64, f64(0x1p64)));
        assertBits(0xffff_ffff_ffff_f800L, conv(FCVT_TO_UINT_SAT, I64, F64, f64(0x1.fffffffffffffp63)));
        assertBits(Long.MIN_VALUE, conv(FCVT_TO_UINT_SAT, I64, F64, f64(0x1p63)));
        assertBits(0xffff_ffffL, conv(FCVT_TO_UINT_SAT, I32, F64, f64(0x1p32)));
        assertBits(0x7fff_ffffL, conv(FCVT_TO_SINT_SAT, I32, F32, f32(0x1p31f)));
        assertBits(0, conv(FCVT_TO_UINT_SAT, I32, F32, f32(0.99f)));
    }
}
