package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** 128-bit arithmetic on long pairs, checked against BigInteger on random and edge operands. */
class Int128Test {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(128);
    private static final long[] EDGES = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xffff_ffffL, 1L << 32};

    private final long[] lo = new long[1];
    private final long[] hi = new long[1];

    private BigInteger result() {
        return Int128.unsigned(lo[0], hi[0]);
    }

    private static BigInteger wrap(BigInteger v) {
        return v.mod(MOD);
    }

    @Test
    void arithmeticShiftsAndCountsAgreeWithBigInteger() {
        SplittableRandom rnd = new SplittableRandom(128);
        for (int i = 0; i < 20_000; i++) {
            long al = pick(rnd);
            long ah = pick(rnd);
            long bl = pick(rnd);
            long bh = pick(rnd);
            BigInteger a = Int128.unsigned(al, ah);
            BigInteger b = Int128.unsigned(bl, bh);
            BigInteger sa = Int128.signed(al, ah);
            BigInteger sb = Int128.signed(bl, bh);
            Int128.add(al, ah, bl, bh, lo, hi, 0);
            assertEquals(wrap(a.add(b)), result());
            Int128.sub(al, ah, bl, bh, lo, hi, 0);
            assertEquals(wrap(a.subtract(b)), result());
            Int128.mul(al, ah, bl, bh, lo, hi, 0);
            assertEquals(wrap(a.multiply(b)), result());
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(Int128.compareUnsigned(al, ah, bl, bh)));
            assertEquals(Integer.signum(sa.compareTo(sb)), Integer.signum(Int128.compareSigned(al, ah, bl, bh)));
            int n = (int) (bl & 127);
            Int128.shl(al, ah, bl, lo, hi, 0);
            assertEquals(wrap(a.shiftLeft(n)), result());
            Int128.ushr(al, ah, bl, lo, hi, 0);
            assertEquals(a.shiftRight(n), result());
            Int128.sshr(al, ah, bl, lo, hi, 0);
            assertEquals(wrap(sa.shiftRight(n)), result());
            Int128.rotl(al, ah, bl, lo, hi, 0);
            assertEquals(wrap(a.shiftLeft(n).or(a.shiftRight(128 - n))), result(), "rotl by " + n);
            Int128.rotr(al, ah, bl, lo, hi, 0);
            assertEquals(wrap(a.shiftRight(n).or(a.shiftLeft(128 - n))), result(), "rotr by " + n);
            assertEquals(128 - a.bitLength(), Int128.clz(al, ah));
            assertEquals(a.signum() == 0 ? 128 : a.getLowestSetBit(), Int128.ctz(al, ah));
            assertEquals(127 - sa.bitLength(), Int128.cls(al, ah));
        }
    }

    private static long pick(SplittableRandom rnd) {
        return rnd.nextInt(3) == 0 ? EDGES[rnd.nextInt(EDGES.length)] : rnd.nextLong();
    }
}
