package dev.vex.x64.asm;

/** Traps and padding: ud2, int3 and nops of any length. */
final class MiscInstructions {
    private MiscInstructions() {
    }

    /**
     * The recommended multi-byte nops (Intel SDM, "NOP—No Operation"), lengths 1 to 9, packed
     * least significant byte first: 90; 66 90; 0F 1F 00; 0F 1F 40 00; 0F 1F 44 00 00;
     * 66 0F 1F 44 00 00; 0F 1F 80 00 00 00 00; 0F 1F 84 00 00 00 00 00; 66 0F 1F 84 00 00 00 00 00
     * (the ninth does not fit a long, so its leading 66 is written separately).
     */
    private static final long[] NOPS = {
        0,
        0x90L,
        0x9066L,
        0x001F0FL,
        0x00401F0FL,
        0x0000441F0FL,
        0x0000441F0F66L,
        0x00000000801F0FL,
        0x0000000000841F0FL,
    };

    static void nop(Encoder e, int length) {
        if (length < 0) {
            throw new X64EncodingException("nop length must not be negative: " + length);
        }
        while (length > 0) {
            int n = Math.min(length, 9);
            if (n == 9) {
                e.buf.put1(0x66);
                e.buf.putLE(NOPS[8], 8);
            } else {
                e.buf.putLE(NOPS[n], n);
            }
            length -= n;
        }
    }

    static void ud2(Encoder e) {
        e.buf.put11(0x0F, 0x0B);
    }

    static void int3(Encoder e) {
        e.buf.put1(0xCC);
    }
}
