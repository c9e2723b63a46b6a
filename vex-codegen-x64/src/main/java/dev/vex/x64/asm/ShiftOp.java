package dev.vex.x64.asm;

import java.util.Locale;

/**
 * Shifts and rotates: group 2, selected by ModRM.reg. By 1: D0/D1 (the form GNU as picks for a
 * count of 1); by an immediate: C0/C1 ib; by cl: D2/D3.
 */
public enum ShiftOp {
    ROL(0), ROR(1), RCL(2), RCR(3), SHL(4), SHR(5), SAR(7);

    final int digit;
    final String mnemonic;

    ShiftOp(int digit) {
        this.digit = digit;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    void ri(Encoder e, Gpr dst, int count) {
        Immediates.u8(count, mnemonic);
        int wide = dst.bits == 8 ? 0 : 1;
        if (count == 1) {
            e.rr(dst.sizeFlags, 0xD0 + wide, digit, dst.number);
        } else {
            e.rr(dst.sizeFlags, 0xC0 + wide, digit, dst.number);
            e.imm(count, 1);
        }
    }

    void mi(Encoder e, Mem dst, int count) {
        Immediates.u8(count, mnemonic);
        int bits = Encoder.explicitBits(dst, mnemonic);
        int wide = bits == 8 ? 0 : 1;
        if (count == 1) {
            e.rm(Encoder.flagsForBits(bits), 0xD0 + wide, digit, dst, 0);
        } else {
            e.rm(Encoder.flagsForBits(bits), 0xC0 + wide, digit, dst, 1);
            e.imm(count, 1);
        }
    }

    void rcl(Encoder e, Gpr dst) {
        e.rr(dst.sizeFlags, dst.bits == 8 ? 0xD2 : 0xD3, digit, dst.number);
    }

    void mcl(Encoder e, Mem dst) {
        int bits = Encoder.explicitBits(dst, mnemonic);
        e.rm(Encoder.flagsForBits(bits), bits == 8 ? 0xD2 : 0xD3, digit, dst, 0);
    }
}
