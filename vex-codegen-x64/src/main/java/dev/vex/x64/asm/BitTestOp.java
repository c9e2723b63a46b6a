package dev.vex.x64.asm;

import java.util.Locale;

/**
 * Bit test (and set, reset, complement): {@code 0F A3/AB/B3/BB /r} with the bit index in a
 * register, {@code 0F BA /4../7 ib} with an immediate index. 16, 32 and 64 bits.
 */
public enum BitTestOp {
    BT(0x0FA3, 4), BTS(0x0FAB, 5), BTR(0x0FB3, 6), BTC(0x0FBB, 7);

    private final int opcode;
    private final int digit;
    final String mnemonic;

    BitTestOp(int opcode, int digit) {
        this.opcode = opcode;
        this.digit = digit;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    void rr(Encoder e, Gpr base, Gpr bit) {
        Encoder.sameBits(base, bit);
        Encoder.requireBits(base, 16 | 32 | 64, mnemonic);
        e.rr(base.sizeFlags, opcode, bit.number, base.number);
    }

    void mr(Encoder e, Mem base, Gpr bit) {
        Encoder.requireBits(bit, 16 | 32 | 64, mnemonic);
        Encoder.memBits(base, bit.bits);
        e.rm(bit.sizeFlags, opcode, bit.number, base, 0);
    }

    void ri(Encoder e, Gpr base, int bit) {
        Encoder.requireBits(base, 16 | 32 | 64, mnemonic);
        e.rr(base.sizeFlags, 0x0FBA, digit, base.number);
        e.imm(Immediates.u8(bit, mnemonic), 1);
    }

    void mi(Encoder e, Mem base, int bit) {
        int bits = Encoder.explicitBits(base, mnemonic);
        if (bits == 8) {
            throw new X64EncodingException(mnemonic + " has no byte form");
        }
        e.rm(Encoder.flagsForBits(bits), 0x0FBA, digit, base, 1);
        e.imm(Immediates.u8(bit, mnemonic), 1);
    }
}
