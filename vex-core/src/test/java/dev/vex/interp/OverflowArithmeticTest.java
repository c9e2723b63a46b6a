package dev.vex.interp;

import static dev.vex.interp.Eval.pair;
import static dev.vex.ir.Opcode.*;
import static dev.vex.ir.Type.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import org.junit.jupiter.api.Test;

class OverflowArithmeticTest {
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;

    private static void check(long result, long flag, Opcode op, Type t, long... args) {
        assertArrayEquals(new long[] {result, flag}, pair(op, t, args), op + " " + t);
    }

    @Test
    void signedAddition() {
        check(0x80, 1, SADD_OVERFLOW, I8, 0x7f, 1);
        check(0x7f, 1, SADD_OVERFLOW, I8, 0x80, 0xff); // -128 + -1
        check(0xfe, 0, SADD_OVERFLOW, I8, 0xff, 0xff); // -1 + -1
        check(0x8000_0000L, 1, SADD_OVERFLOW, I32, 0x7fff_ffffL, 1);
        check(MIN, 1, SADD_OVERFLOW, I64, MAX, 1);
        check(MAX, 1, SADD_OVERFLOW, I64, MIN, -1L);
        check(-2L, 0, SADD_OVERFLOW, I64, -1L, -1L);
        check(-1L, 0, SADD_OVERFLOW, I64, MIN, MAX);
    }

    @Test
    void unsignedAddition() {
        check(0, 1, UADD_OVERFLOW, I8, 0xff, 1);
        check(0xfe, 0, UADD_OVERFLOW, I8, 0x7f, 0x7f);
        check(0, 1, UADD_OVERFLOW, I32, 0xffff_ffffL, 1);
        check(0, 1, UADD_OVERFLOW, I64, -1L, 1);
        check(MIN, 0, UADD_OVERFLOW, I64, MAX, 1);
        check(-2L, 1, UADD_OVERFLOW, I64, -1L, -1L);
    }

    @Test
    void subtraction() {
        check(0x7f, 1, SSUB_OVERFLOW, I8, 0x80, 1);
        check(0x80, 1, SSUB_OVERFLOW, I8, 0x00, 0x80); // 0 - (-128)
        check(0xff, 1, SSUB_OVERFLOW, I8, 0x7f, 0x80); // 127 - (-128) = 255
        check(MAX, 1, SSUB_OVERFLOW, I64, MIN, 1);
        check(MIN, 1, SSUB_OVERFLOW, I64, 0, MIN);
        check(-1L, 1, SSUB_OVERFLOW, I64, MAX, MIN); // 2^64 - 1
        check(MIN, 0, SSUB_OVERFLOW, I64, -1L, MAX);
        check(0xff, 1, USUB_OVERFLOW, I8, 0, 1);
        check(0, 0, USUB_OVERFLOW, I8, 0xff, 0xff);
        check(-1L, 1, USUB_OVERFLOW, I64, 0, 1);
        check(1, 0, USUB_OVERFLOW, I64, -1L, -2L);
    }

    @Test
    void multiplication() {
        check(0x00, 1, SMUL_OVERFLOW, I8, 0x10, 0x10);
        check(0x80, 0, SMUL_OVERFLOW, I8, 0xc0, 0x02); // -64 * 2 = -128 fits
        check(0x80, 1, SMUL_OVERFLOW, I8, 0x40, 0x02); // 64 * 2 = 128 does not
        check(0x01, 0, SMUL_OVERFLOW, I8, 0xff, 0xff);
        check(0x00, 1, UMUL_OVERFLOW, I8, 0x10, 0x10);
        check(0xfe, 0, UMUL_OVERFLOW, I8, 0x7f, 0x02);
        check(0x01, 1, UMUL_OVERFLOW, I8, 0xff, 0xff);
        check(0xfffe_0001L, 0, UMUL_OVERFLOW, I32, 0xffffL, 0xffffL);
        check(0x0000_0001L, 1, UMUL_OVERFLOW, I32, 0xffff_ffffL, 0xffff_ffffL);
        check(0x0000_0001L, 0, SMUL_OVERFLOW, I32, 0xffff_ffffL, 0xffff_ffffL);
        check(MIN, 1, SMUL_OVERFLOW, I64, MIN, -1L);
        check(MIN, 1, SMUL_OVERFLOW, I64, 1L << 32, 1L << 31); // 2^63
        check(MIN, 0, SMUL_OVERFLOW, I64, -(1L << 32), 1L << 31); // -2^63 fits
        check(1, 0, SMUL_OVERFLOW, I64, -1L, -1L);
        check(0, 1, UMUL_OVERFLOW, I64, 1L << 32, 1L << 32);
        check(0xffff_ffff_0000_0000L, 0, UMUL_OVERFLOW, I64, 1L << 32, 0xffff_ffffL);
        check(1, 1, UMUL_OVERFLOW, I64, -1L, -1L);
        check(MIN, 0, UMUL_OVERFLOW, I64, MIN, 1);
        check(0, 1, UMUL_OVERFLOW, I64, MIN, 2);
    }

    @Test
    void carryInCountsAsOneWhenNonZero() {
        check(2, 0, SADD_OVERFLOW_CIN, I8, 0, 1, 1);
        check(2, 0, SADD_OVERFLOW_CIN, I8, 0, 1, 10);
        check(0x80, 1, SADD_OVERFLOW_CIN, I8, 100, 27, 1);
        check(0x7f, 0, SADD_OVERFLOW_CIN, I8, 100, 27, 0);
        // a + b overflows but the carry brings the exact sum back to MIN.
        check(MIN, 0, SADD_OVERFLOW_CIN, I64, MIN, -1L, 1);
        check(MIN, 1, SADD_OVERFLOW_CIN, I64, MAX, 0, 1);
        check(MIN, 1, SADD_OVERFLOW_CIN, I64, MAX, 1, 0);
        check(0, 1, UADD_OVERFLOW_CIN, I8, 0xff, 0, 1);
        check(0xff, 1, UADD_OVERFLOW_CIN, I8, 0xff, 0xff, 1);
        check(0, 1, UADD_OVERFLOW_CIN, I64, -1L, 0, 1);
        check(-1L, 1, UADD_OVERFLOW_CIN, I64, -1L, -1L, 1);
        check(-1L, 0, UADD_OVERFLOW_CIN, I64, -2L, 0, 0xff);
    }

    @Test
    void borrowInCountsAsOneWhenNonZero() {
        check(0xff, 1, USUB_OVERFLOW_BIN, I8, 5, 5, 1);
        check(0, 0, USUB_OVERFLOW_BIN, I8, 5, 4, 1);
        check(0xff, 1, USUB_OVERFLOW_BIN, I8, 0, 0, 3);
        check(-1L, 1, USUB_OVERFLOW_BIN, I64, 0, 0, 1);
        check(1, 1, USUB_OVERFLOW_BIN, I64, 0, -1L, 0); // 0 - (2^64 - 1)
        check(0, 1, USUB_OVERFLOW_BIN, I64, 0, -1L, 1); // 0 - (2^64 - 1) - 1 = -2^64
        check(0x7f, 1, SSUB_OVERFLOW_BIN, I8, 0x80, 0, 1);
        check(0x80, 0, SSUB_OVERFLOW_BIN, I8, 0x80, 0xff, 1); // -128 - (-1) - 1
        // MAX - (-1) overflows, the borrow brings the exact result back to MAX.
        check(MAX, 0, SSUB_OVERFLOW_BIN, I64, MAX, -1L, 1);
        check(MAX, 1, SSUB_OVERFLOW_BIN, I64, MIN, 0, 1);
        check(MIN, 0, SSUB_OVERFLOW_BIN, I64, MIN, -1L, 1);
    }

    @Test
    void uaddOverflowTrapTrapsWithItsOwnCode() {
        long[] out = new long[1]; // one result: a one-element array must do
        TrapCode user = TrapCode.user(7);
        assertEquals(1, ScalarEvaluator.evaluate(UADD_OVERFLOW_TRAP, I32, I32,
                new long[] {0x80, 0x7f}, 0, null, null, user, out));
        assertEquals(0xff, out[0]);
        Trap trap = assertThrows(Trap.class, () -> ScalarEvaluator.evaluate(UADD_OVERFLOW_TRAP, I32, I32,
                new long[] {0xffff_ffffL, 1}, 0, null, null, user, new long[2]));
        assertEquals(user, trap.code());
        assertEquals(1, ScalarEvaluator.evaluate(UADD_OVERFLOW_TRAP, I64, I64,
                new long[] {MAX, MAX}, 0, null, null, user, out));
        assertEquals(-2L, out[0]);
        Trap narrow = assertThrows(Trap.class, () -> ScalarEvaluator.evaluate(UADD_OVERFLOW_TRAP, I8, I8,
                new long[] {0x80, 0x80}, 0, null, null, user, new long[1]));
        assertEquals(user, narrow.code());
        Trap wide = assertThrows(Trap.class, () -> ScalarEvaluator.evaluate(UADD_OVERFLOW_TRAP, I64, I64,
                new long[] {MIN, MIN}, 0, null, null, TrapCode.INTEGER_OVERFLOW, new long[2]));
        assertEquals(TrapCode.INTEGER_OVERFLOW, wide.code());
    }
}
