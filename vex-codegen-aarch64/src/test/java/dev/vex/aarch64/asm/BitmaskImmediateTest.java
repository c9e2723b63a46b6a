package dev.vex.aarch64.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bitmask-immediate encoder against an exhaustive enumeration of the decoder. */
class BitmaskImmediateTest {
    /** Every value an N:immr:imms field stands for, at the width. */
    private static Set<Long> allValues(boolean sixtyFour) {
        Set<Long> values = new HashSet<>();
        for (int bits = 0; bits < 1 << 13; bits++) {
            if (!sixtyFour && (bits >>> 12) != 0) {
                continue;
            }
            try {
                values.add(BitmaskImmediate.decode(bits, sixtyFour));
            } catch (A64EncodingException reserved) {
                // reserved encodings stand for nothing
            }
        }
        return values;
    }

    @Test
    void everyEncodableValueRoundTrips() {
        for (boolean x : new boolean[] {true, false}) {
            Set<Long> values = allValues(x);
            // Element size e contributes e * (e - 1) patterns (e rotations of e - 1 run lengths):
            // 5,334 for 64 bits (e = 2 to 64), 1,302 for 32 bits (e = 2 to 32).
            assertEquals(x ? 5334 : 1302, values.size());
            for (long v : values) {
                int field = BitmaskImmediate.encode(v, x);
                assertNotEquals(BitmaskImmediate.NONE, field, Long.toHexString(v));
                assertEquals(v, BitmaskImmediate.decode(field, x), Long.toHexString(v));
            }
        }
    }

    @Test
    void nothingElseIsEncodable() {
        Random r = new Random(12);
        for (boolean x : new boolean[] {true, false}) {
            Set<Long> values = allValues(x);
            for (int i = 0; i < 200_000; i++) {
                long v = r.nextLong();
                if (i % 4 == 0) { // near an encodable one: one bit flipped
                    v = values.stream().skip(r.nextInt(values.size())).findFirst().orElseThrow() ^ (1L << r.nextInt(64));
                }
                if (!x) {
                    v &= 0xFFFF_FFFFL;
                }
                assertEquals(values.contains(v), BitmaskImmediate.encode(v, x) != BitmaskImmediate.NONE, Long.toHexString(v));
            }
            assertEquals(BitmaskImmediate.NONE, BitmaskImmediate.encode(0, x));
            assertEquals(BitmaskImmediate.NONE, BitmaskImmediate.encode(-1L, x));
        }
    }
}
