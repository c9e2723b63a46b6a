package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoding.NONE;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.M;
import static dev.vex.x64.asm.Format.ZO;
import static dev.vex.x64.asm.Operand.RM16;
import static dev.vex.x64.asm.Operand.RM32;

import java.util.List;

/** Traps and padding: ud2, int3 and nops of any length. */
final class MiscInstructions {
    static final Encoding NOP = legacy("misc", "nop", ZO, 0, 0x90, NONE);
    /** The multi-byte nops: {@code 0F 1F /0} with a memory operand that is never accessed. */
    static final Encoding NOP_M16 = legacy("misc", "nop", M, P66, 0x0F1F, 0, RM16);
    static final Encoding NOP_M32 = legacy("misc", "nop", M, 0, 0x0F1F, 0, RM32);
    private static final Encoding UD2 = legacy("misc", "ud2", ZO, 0, 0x0F0B, NONE);
    private static final Encoding INT3 = legacy("misc", "int3", ZO, 0, 0xCC, NONE);

    /**
     * The recommended padding (Intel SDM, "NOP—No Operation"), lengths 1 to 9, packed least
     * significant byte first: 90; 66 90 (xchg ax, ax); then {@link #NOP_M32} and
     * {@link #NOP_M16} with the address forms that make them 3 to 9 bytes long: 0F 1F 00;
     * 0F 1F 40 00; 0F 1F 44 00 00; 66 0F 1F 44 00 00; 0F 1F 80 00 00 00 00;
     * 0F 1F 84 00 00 00 00 00; 66 0F 1F 84 00 00 00 00 00 (the ninth does not fit a long, so its
     * leading 66 is written separately). The zero displacements are what the encoder would drop,
     * so these are spelled out; the encoding matrix checks each against GNU as.
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

    private MiscInstructions() {
    }

    static List<Encoding> rows() {
        return List.of(NOP, NOP_M16, NOP_M32, UD2, INT3);
    }

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
        e.buf.put11(UD2.opcode() >>> 8, UD2.opcode() & 0xFF);
    }

    static void int3(Encoder e) {
        e.buf.put1(INT3.opcode());
    }
}
