package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** f16 conversions checked over every bit pattern and every rounding boundary. */
class HalfFloatTest {
    @Test
    void everyPatternSurvivesTheTripThroughDouble() {
        for (long h = 0; h < 0x10000; h++) {
            long back = HalfFloat.ofDouble(HalfFloat.toDouble(h));
            assertEquals(HalfFloat.isNaN(h) ? HalfFloat.quiet(h) : h, back, "0x" + Long.toHexString(h));
        }
    }

    @Test
    void valuesBetweenNeighboursRoundToNearestTiesToEven() {
        // Positive finite patterns in order of value: h and h + 1 are neighbours.
        for (long h = 0; h < 0x7bff; h++) {
            double x = HalfFloat.toDouble(h);
            double y = HalfFloat.toDouble(h + 1);
            double mid = (x + y) / 2; // exact in double
            long even = (h & 1) == 0 ? h : h + 1;
            assertEquals(even, HalfFloat.ofDouble(mid), "tie above 0x" + Long.toHexString(h));
            assertEquals(h, HalfFloat.ofDouble(Math.nextDown(mid)), "below the tie above 0x" + Long.toHexString(h));
            assertEquals(h + 1, HalfFloat.ofDouble(Math.nextUp(mid)), "above the tie above 0x" + Long.toHexString(h));
            assertEquals(h | HalfFloat.SIGN, HalfFloat.ofDouble(-Math.nextDown(mid)), "negative, 0x" + Long.toHexString(h));
        }
        assertEquals(0x7bff, HalfFloat.ofDouble(Math.nextDown(65520.0)));
        assertEquals(0x7c00, HalfFloat.ofDouble(65520.0));
    }

    @Test
    void fmaRoundsOnce() {
        // 683 * 48 = 32784 = 2^15 + 2^4: a tie between 2^15 and its neighbour 2^15 + 2^5, so even wins;
        // adding the smallest subnormal moves it above the tie.
        assertEquals(0x7800, HalfFloat.fma(683, 48, 0.0));
        assertEquals(0x7801, HalfFloat.fma(683, 48, 0x1p-24));
        assertEquals(0x7800, HalfFloat.fma(683, 48, -0x1p-24));
        // A product below the smallest subnormal's half rounds to zero, keeping the sign.
        assertEquals(0, HalfFloat.fma(0x1p-24, 0x1p-24, 0.0));
        assertEquals(HalfFloat.SIGN, HalfFloat.fma(-0x1p-24, 0x1p-24, -0.0));
    }
}
