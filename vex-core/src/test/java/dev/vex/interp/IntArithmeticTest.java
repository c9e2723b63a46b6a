package dev.vex.interp;

import static dev.vex.interp.Eval.assertBits;
import static dev.vex.interp.Eval.assertTrap;
import static dev.vex.interp.Eval.imm;
import static dev.vex.interp.Eval.op;
import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import org.junit.jupiter.api.Test;

class IntArithmeticTest {
    private static final Type[] INTS = {I8, I16, I32, I64};

    @Test
    void addSubtractNegateWrapInTheirWidth() {
        assertBits(0x80, op(IADD, I8, 0x7f, 1));
        assertBits(0x0000, op(IADD, I16, 0xffff, 1));
        assertBits(Long.MIN_VALUE, op(IADD, I64, Long.MAX_VALUE, 1));
        assertBits(0xff, op(ISUB, I8, 0, 1));
        assertBits(0xffff_ffffL, op(ISUB, I32, 3, 4));
        assertBits(0x80, op(INEG, I8, 0x80));
        assertBits(0xffff_fffbL, op(INEG, I32, 5));
        assertBits(0, op(INEG, I16, 0));
    }

    @Test
    void absoluteValueOfMinIsMin() {
        assertBits(0x80, op(IABS, I8, 0x80));
        assertBits(0x8000, op(IABS, I16, 0x8000));
        assertBits(0x8000_0000L, op(IABS, I32, 0x8000_0000L));
        assertBits(Long.MIN_VALUE, op(IABS, I64, Long.MIN_VALUE));
        assertBits(5, op(IABS, I16, 0xfffb));
        assertBits(0x7f, op(IABS, I8, 0x7f));
    }

    @Test
    void multiplyKeepsTheLowHalf() {
        assertBits(0x01, op(IMUL, I8, 0xff, 0xff)); // (-1)(-1)
        assertBits(0x00, op(IMUL, I8, 0x10, 0x10));
        assertBits(0xfffe_0001L, op(IMUL, I32, 0xffff, 0xffff));
        assertBits(0x1L, op(IMUL, I64, -1L, -1L));
        assertBits(0x1000_0000_0000_0000L, op(IMUL, I64, 1L << 30, 1L << 30));
    }

    @Test
    void highHalvesOfProducts() {
        assertBits(0xfe, op(UMULHI, I8, 0xff, 0xff)); // 0xfe01
        assertBits(0xff, op(SMULHI, I8, 0xff, 0x01)); // -1 * 1 = 0xffff
        assertBits(0x40, op(SMULHI, I8, 0x80, 0x80)); // 2^14
        assertBits(0xfffe, op(UMULHI, I16, 0xffff, 0xffff));
        assertBits(0x0000, op(SMULHI, I16, 0xffff, 0xffff)); // 1
        assertBits(0xffff_fffeL, op(UMULHI, I32, 0xffff_ffffL, 0xffff_ffffL));
        assertBits(0x4000_0000L, op(SMULHI, I32, 0x8000_0000L, 0x8000_0000L));
        assertBits(0xffff_ffffL, op(SMULHI, I32, 0xffff_ffffL, 5)); // -5 needs sign in the high half
        // (2^64 - 1)^2 = 2^128 - 2^65 + 1
        assertBits(0xffff_ffff_ffff_fffeL, op(UMULHI, I64, -1L, -1L));
        assertBits(0, op(SMULHI, I64, -1L, -1L));
        assertBits(0x4000_0000_0000_0000L, op(SMULHI, I64, Long.MIN_VALUE, Long.MIN_VALUE));
        assertBits(0x4000_0000_0000_0000L, op(UMULHI, I64, Long.MIN_VALUE, Long.MIN_VALUE));
        assertBits(0x7fff_ffff_ffff_fffeL, op(UMULHI, I64, Long.MIN_VALUE, -3L)); // 2^63 (2^64 - 3) >> 64
        assertBits(-1L, op(SMULHI, I64, Long.MIN_VALUE, 1L));
        assertBits(1L, op(UMULHI, I64, 1L << 32, 1L << 32));
    }

    @Test
    void divisionByZeroTrapsInEveryForm() {
        for (Type t : INTS) {
            for (Opcode o : new Opcode[] {UDIV, SDIV, UREM, SREM}) {
                assertTrap(TrapCode.INTEGER_DIVISION_BY_ZERO, o, t, 7, 0);
            }
            // Zero is checked before MIN / -1.
            assertTrap(TrapCode.INTEGER_DIVISION_BY_ZERO, SDIV, t, Canonical.signedMin(t.bits()) & t.mask(), 0);
            Trap trap = assertThrows(Trap.class, () -> imm(UDIV_IMM, t, 1, 0));
            assertEquals(TrapCode.INTEGER_DIVISION_BY_ZERO, trap.code());
        }
    }

    @Test
    void signedDivisionOfMinByMinusOneOverflowsButRemainderIsZero() {
        for (Type t : INTS) {
            long min = Canonical.signedMin(t.bits()) & t.mask();
            long minusOne = t.mask();
            assertTrap(TrapCode.INTEGER_OVERFLOW, SDIV, t, min, minusOne);
            assertBits(0, op(SREM, t, min, minusOne));
            assertBits(0, imm(SREM_IMM, t, min, -1));
            assertBits(min, op(UREM, t, min, minusOne)); // unsigned: MIN < all ones
            assertBits(0, op(UDIV, t, min, minusOne));
            Trap trap = assertThrows(Trap.class, () -> imm(SDIV_IMM, t, min, -1));
            assertEquals(TrapCode.INTEGER_OVERFLOW, trap.code());
        }
    }

    @Test
    void signedDivisionTruncatesAndRemainderFollowsTheDividend() {
        assertBits(0xfd, op(SDIV, I8, 0xf9, 2)); // -7 / 2 = -3
        assertBits(0xff, op(SREM, I8, 0xf9, 2)); // -7 % 2 = -1
        assertBits(0x01, op(SREM, I8, 0x07, 0xfe)); // 7 % -2 = 1
        assertBits(0xfffd, op(SDIV, I16, 7, 0xfffe)); // 7 / -2 = -3
        assertBits(-3L, op(SDIV, I64, -7L, 2));
        // Unsigned reads of the same bits.
        assertBits(0x7c, op(UDIV, I8, 0xf9, 2));
        assertBits(0x01, op(UREM, I8, 0xf9, 2));
        assertBits(0x7fff_ffff_ffff_ffffL, op(UDIV, I64, -1L, 2));
        assertBits(1, op(UREM, I64, -1L, 2));
        assertBits(1, op(UDIV, I64, -1L, -2L));
        assertBits(0x7fff_ffffL, op(UDIV, I32, 0xffff_ffffL, 2));
    }

    @Test
    void immediateFormsTakeTheImmediateAsSecondOperand() {
        assertBits(0xff, imm(IADD_IMM, I8, 0, -1));
        assertBits(0x00, imm(IADD_IMM, I8, 1, 0xff));
        assertBits(0x7, imm(IRSUB_IMM, I32, 3, 10)); // 10 - 3
        assertBits(0xffff_fff9L, imm(IRSUB_IMM, I32, 10, 3)); // 3 - 10
        assertBits(0xff, imm(IRSUB_IMM, I8, 1, 0));
        assertBits(0xfe, imm(IMUL_IMM, I8, 0x7f, 2));
        assertBits(3, imm(UDIV_IMM, I16, 7, 2));
        assertBits(0x7fff, imm(UDIV_IMM, I16, 0xfffe, 2));
        assertBits(0xfffd, imm(SDIV_IMM, I16, 0xfffa, 2)); // -6 / 2
        assertBits(1, imm(UREM_IMM, I64, 7, 3));
        assertBits(0xff, imm(SREM_IMM, I8, 0xf9, 3)); // -7 % 3 = -1
        // The immediate is taken modulo the type: 0x1_0000_0002 is 2 as an i32.
        assertBits(3, imm(UDIV_IMM, I32, 7, 0x1_0000_0002L));
    }

    @Test
    void minimumAndMaximumBySignedness() {
        assertBits(0x80, op(SMIN, I8, 0x80, 0x01));
        assertBits(0x01, op(SMAX, I8, 0x80, 0x01));
        assertBits(0x01, op(UMIN, I8, 0x80, 0x01));
        assertBits(0x80, op(UMAX, I8, 0x80, 0x01));
        assertBits(Long.MIN_VALUE, op(SMIN, I64, 0, Long.MIN_VALUE));
        assertBits(-1L, op(UMAX, I64, -1L, Long.MAX_VALUE));
        assertBits(0xffff_ffffL, op(SMIN, I32, 0xffff_ffffL, 0));
        assertBits(0, op(UMIN, I32, 0xffff_ffffL, 0));
    }
}
