package dev.vex.x64.asm;

/** Range checks for immediates, shared by the instruction families. */
final class Immediates {
    private Immediates() {
    }

    /**
     * The immediate of an instruction with {@code bits}-bit operands, as the signed value the
     * processor sees: an 8- or 16-bit operand accepts both the signed and the unsigned range
     * (0xFFFF and -1 are the same word); 32- and 64-bit operands take a signed 32-bit immediate,
     * which a Java int always is.
     */
    static long truncate(long imm, int bits, String mnemonic) {
        switch (bits) {
            case 8:
                if (imm < -0x80 || imm > 0xFF) {
                    throw new X64EncodingException(mnemonic + ": immediate " + imm + " does not fit 8 bits");
                }
                return (byte) imm;
            case 16:
                if (imm < -0x8000 || imm > 0xFFFF) {
                    throw new X64EncodingException(mnemonic + ": immediate " + imm + " does not fit 16 bits");
                }
                return (short) imm;
            default:
                if (imm != (int) imm) {
                    throw new X64EncodingException(mnemonic + ": immediate " + imm + " does not fit 32 bits");
                }
                return imm;
        }
    }

    /** An unsigned 8-bit immediate (shift counts, bit indices, rounding modes). */
    static int u8(int imm, String mnemonic) {
        if (imm < 0 || imm > 0xFF) {
            throw new X64EncodingException(mnemonic + ": immediate " + imm + " does not fit an unsigned byte");
        }
        return imm;
    }
}
