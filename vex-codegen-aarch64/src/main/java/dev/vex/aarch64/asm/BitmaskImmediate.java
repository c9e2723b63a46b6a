package dev.vex.aarch64.asm;

/**
 * The logical-immediate (bitmask) encoding of AND/ORR/EOR/ANDS/TST: a value is encodable when it
 * is a 2, 4, 8, 16, 32 or 64-bit element repeated across the register, the element being a
 * rotated run of ones (neither all zeros nor all ones). The encoding is the 13 bits N:immr:imms.
 */
public final class BitmaskImmediate {
    /** Returned by {@link #encode} for a value with no encoding. */
    public static final int NONE = -1;

    private BitmaskImmediate() {
    }

    /**
     * The N:immr:imms field (N in bit 12) for {@code value} in a register of 64 or 32 bits, or
     * {@link #NONE}. For 32 bits only the low 32 bits of {@code value} count.
     */
    public static int encode(long value, boolean sixtyFour) {
        if (!sixtyFour) {
            value = (value & 0xFFFF_FFFFL) | (value << 32); // a 32-bit pattern is a 64-bit one repeated twice
        }
        if (value == 0 || value == -1L) {
            return NONE;
        }
        // The element size: the smallest power of two e such that value is periodic with period e.
        int size = 64;
        while (size > 2) {
            int half = size / 2;
            long mask = (1L << half) - 1;
            if ((value & mask) != ((value >>> half) & mask)) {
                break;
            }
            size = half;
        }
        long elementMask = size == 64 ? -1L : (1L << size) - 1;
        long element = value & elementMask;
        // Rotate the element right until it is a run of ones starting at bit 0 (0...01...1).
        int ones = Long.bitCount(element);
        long run = (ones == 64) ? -1L : (1L << ones) - 1;
        for (int rotation = 0; rotation < size; rotation++) {
            long rotated = rotateRight(element, rotation, size, elementMask);
            if (rotated == run) {
                // immr rotates the run right, so the left rotation back is (size - rotation) % size.
                int immr = (size - rotation) % size;
                int imms = ((~(size - 1) << 1) & 0x3F) | (ones - 1);
                int n = size == 64 ? 1 : 0;
                return n << 12 | immr << 6 | imms;
            }
        }
        return NONE;
    }

    private static long rotateRight(long element, int by, int size, long mask) {
        if (by == 0) {
            return element;
        }
        return ((element >>> by) | (element << (size - by))) & mask;
    }

    /** The value that the N:immr:imms field {@code bits} stands for in a register of the given width. */
    public static long decode(int bits, boolean sixtyFour) {
        int n = (bits >>> 12) & 1;
        int immr = (bits >>> 6) & 0x3F;
        int imms = bits & 0x3F;
        int combined = (n << 6) | (~imms & 0x3F);
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1) {
            throw new A64EncodingException("reserved logical-immediate encoding " + Integer.toHexString(bits));
        }
        int size = 1 << len;
        int levels = size - 1;
        int s = imms & levels;
        int r = immr & levels;
        if (s == levels) {
            throw new A64EncodingException("reserved logical-immediate encoding " + Integer.toHexString(bits));
        }
        long mask = size == 64 ? -1L : (1L << size) - 1;
        long element = (s + 1 == 64) ? -1L : (1L << (s + 1)) - 1;
        element = rotateRight(element, r, size, mask);
        long value = element;
        for (int width = size; width < 64; width *= 2) {
            value |= value << width;
        }
        return sixtyFour ? value : value & 0xFFFF_FFFFL;
    }
}
