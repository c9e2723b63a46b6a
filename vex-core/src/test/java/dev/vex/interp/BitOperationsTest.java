package dev.vex.interp;

import static dev.vex.interp.Eval.assertBits;
import static dev.vex.interp.Eval.conv;
import static dev.vex.interp.Eval.f32;
import static dev.vex.interp.Eval.imm;
import static dev.vex.interp.Eval.op;
import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;

import org.junit.jupiter.api.Test;

class BitOperationsTest {
    @Test
    void logicStaysInTheWidthOfTheType() {
        assertBits(0xff, op(BNOT, I8, 0));
        assertBits(0xffff_0000L, op(BNOT, I32, 0xffff));
        assertBits(0x0f, op(BAND_NOT, I8, 0xff, 0xf0));
        assertBits(0xff, op(BOR_NOT, I8, 0, 0)); // 0 | ~0
        assertBits(0x0f, op(BOR_NOT, I8, 0x0f, 0xff));
        assertBits(0xf0, op(BXOR_NOT, I8, 0x0f, 0x00)); // ~(0x0f ^ 0)
        assertBits(0x06, op(BXOR, I8, 0x05, 0x03));
        assertBits(0x07, op(BOR, I8, 0x05, 0x03));
        assertBits(0x01, op(BAND, I8, 0x05, 0x03));
        assertBits(0x10, imm(BAND_IMM, I8, 0x1f, 0xf0));
        assertBits(0xff, imm(BOR_IMM, I8, 0x0f, -1)); // the immediate is cut to the type
        assertBits(0xfffe, imm(BXOR_IMM, I16, 1, -1));
    }

    @Test
    void logicWorksOnFloatBits() {
        assertBits(0xffff_ffffL, op(BNOT, F32, f32(0f))); // -NaN:0x3fffff
        assertBits(0x7fff_ffffL, op(BNOT, F32, f32(-0f)));
        assertBits(0x8000_0000_0000_0000L, op(BAND, F64, Eval.f64(-1.0), Eval.f64(-0.0)));
    }

    @Test
    void bitselectTakesBitsOfXWhereTheMaskIsSet() {
        assertBits(0xa5, op(BITSELECT, I8, 0xf0, 0xaa, 0x55));
        assertBits(0x0000_ffffL, op(BITSELECT, I32, 0, 0x1234, 0xffff));
        assertBits(-1L, op(BITSELECT, I64, 0x00ff_00ff_00ff_00ffL, -1L, 0xff00_ff00_ff00_ff00L));
    }

    @Test
    void shiftAmountsAreTakenModuloTheWidth() {
        assertBits(0x02, op(ISHL, I8, 1, 9));
        assertBits(0x80, op(ISHL, I8, 1, 0xff)); // 255 mod 8 = 7
        // An i64 amount of -1 shifting an i8: only the low three bits count.
        assertBits(0x80, conv(ISHL, I8, I8, 1, -1L));
        assertBits(0x1234_5678L, op(USHR, I32, 0x1234_5678L, 32));
        assertBits(0x0123_4567L, op(USHR, I32, 0x1234_5678L, 36));
        assertBits(0xffff, op(SSHR, I16, 0x8000, 15));
        assertBits(0xc000, op(SSHR, I16, 0x8000, 17));
        assertBits(0x4000, op(USHR, I16, 0x8000, 17));
        assertBits(0x7f, op(SSHR, I8, 0x7f, 8));
        assertBits(Long.MIN_VALUE, op(ISHL, I64, 1, 63));
        assertBits(1, op(ISHL, I64, 1, 64));
        assertBits(-1L, op(SSHR, I64, Long.MIN_VALUE, 127));
        assertBits(1, op(USHR, I64, Long.MIN_VALUE, -1L));
        assertBits(0xf0, imm(ISHL_IMM, I8, 0xff, 4));
        assertBits(0xfc, imm(SSHR_IMM, I8, 0xf0, 10)); // 10 mod 8 = 2
        assertBits(0x3c, imm(USHR_IMM, I8, 0xf0, 2));
    }

    @Test
    void rotatesWrapAroundTheWidth() {
        assertBits(0x03, op(ROTL, I8, 0x81, 1));
        assertBits(0xc0, op(ROTR, I8, 0x81, 1));
        assertBits(0x81, op(ROTL, I8, 0x81, 8));
        assertBits(0x03, op(ROTL, I8, 0x81, 9));
        assertBits(0x1234, op(ROTR, I16, 0x1234, 16));
        assertBits(0x4123, op(ROTR, I16, 0x1234, 4));
        assertBits(0x2341, op(ROTL, I16, 0x1234, 4));
        assertBits(0x8000_0001L, op(ROTR, I32, 0x0000_0003L, 1));
        assertBits(0x8000_0000_0000_0000L, op(ROTR, I64, 1, 1));
        assertBits(3, imm(ROTL_IMM, I64, 0x8000_0000_0000_0001L, 65));
        assertBits(0xc0, imm(ROTR_IMM, I8, 0x81, -7)); // -7 mod 8 = 1
    }

    @Test
    void bitAndByteReversal() {
        assertBits(0x80, op(BITREV, I8, 0x01));
        assertBits(0x8000, op(BITREV, I16, 0x0001));
        assertBits(0x1e6a_2c48L, op(BITREV, I32, 0x1234_5678L));
        assertBits(0x8000_0000_0000_0000L, op(BITREV, I64, 1));
        assertBits(0x3412, op(BSWAP, I16, 0x1234));
        assertBits(0x7856_3412L, op(BSWAP, I32, 0x1234_5678L));
        assertBits(0xefcd_ab89_6745_2301L, op(BSWAP, I64, 0x0123_4567_89ab_cdefL));
    }

    @Test
    void bitCountsPerWidth() {
        assertBits(7, op(CLZ, I8, 1));
        assertBits(8, op(CLZ, I8, 0));
        assertBits(0, op(CLZ, I8, 0x80));
        assertBits(16, op(CLZ, I16, 0));
        assertBits(31, op(CLZ, I32, 1));
        assertBits(64, op(CLZ, I64, 0));
        assertBits(7, op(CLS, I8, 0));
        assertBits(7, op(CLS, I8, 0xff));
        assertBits(0, op(CLS, I8, 0x40));
        assertBits(0, op(CLS, I8, 0x80));
        assertBits(1, op(CLS, I8, 0x20));
        assertBits(15, op(CLS, I32, 0xffff_0000L));
        assertBits(63, op(CLS, I64, -1L));
        assertBits(62, op(CLS, I64, 1));
        assertBits(16, op(CTZ, I16, 0));
        assertBits(15, op(CTZ, I16, 0x8000));
        assertBits(64, op(CTZ, I64, 0));
        assertBits(8, op(CTZ, I32, 0x100));
        assertBits(8, op(POPCNT, I8, 0xff));
        assertBits(64, op(POPCNT, I64, -1L));
        assertBits(2, op(POPCNT, I32, 0x8000_0001L));
    }

    @Test
    void bmaskFillsTheResultTypeWhenTheInputIsNonZero() {
        assertBits(0xffff_ffffL, conv(BMASK, I32, I8, 0x10));
        assertBits(0, conv(BMASK, I32, I8, 0));
        assertBits(0xff, conv(BMASK, I8, I64, 0x1000));
        assertBits(0xff, conv(BMASK, I8, I64, Long.MIN_VALUE));
        assertBits(-1L, conv(BMASK, I64, I16, 0x8000));
    }
}
