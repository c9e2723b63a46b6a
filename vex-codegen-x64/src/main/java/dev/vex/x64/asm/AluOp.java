package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.isInt8;

import java.util.Locale;

/**
 * The eight classic two-operand integer operations, which share one encoding scheme: the
 * ModRM.reg extension {@code /digit} selects the operation in the immediate forms (80, 81, 83) and
 * {@code digit * 8} is the base of the register forms (+0 r/m8,r8; +1 r/m,r; +2 r8,r/m8;
 * +3 r,r/m; +4 al,imm8; +5 eax,imm32).
 *
 * <p>Register-register forms use the r/m,r direction (00/01 + base), as GNU as does. Immediates
 * take the shortest form: imm8 sign-extended (83) when it fits, else the accumulator form (one
 * byte shorter than 81) for al/ax/eax/rax, else 81.
 */
public enum AluOp {
    ADD(0), OR(1), ADC(2), SBB(3), AND(4), SUB(5), XOR(6), CMP(7);

    /** The ModRM.reg extension of the immediate forms. */
    final int digit;
    final String mnemonic;
    private final int base;

    AluOp(int digit) {
        this.digit = digit;
        this.base = digit * 8;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        int bits = Encoder.sameBits(dst, src);
        e.rr(dst.sizeFlags | src.sizeFlags, bits == 8 ? base : base + 1, src.number, dst.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        Encoder.memBits(src, dst.bits);
        e.rm(dst.sizeFlags, dst.bits == 8 ? base + 2 : base + 3, dst.number, src, 0);
    }

    void mr(Encoder e, Mem dst, Gpr src) {
        Encoder.memBits(dst, src.bits);
        e.rm(src.sizeFlags, src.bits == 8 ? base : base + 1, src.number, dst, 0);
    }

    void ri(Encoder e, Gpr dst, int imm) {
        int bits = dst.bits;
        long v = Immediates.truncate(imm, bits, mnemonic);
        if (bits == 8) {
            if (dst.number == 0) {
                e.op(0, base + 4);
            } else {
                e.rr(dst.sizeFlags, 0x80, digit, dst.number);
            }
            e.imm(v, 1);
        } else if (isInt8(v)) {
            e.rr(dst.sizeFlags, 0x83, digit, dst.number);
            e.imm(v, 1);
        } else {
            int immBytes = bits == 16 ? 2 : 4;
            if (dst.number == 0) {
                e.op(dst.sizeFlags, base + 5);
            } else {
                e.rr(dst.sizeFlags, 0x81, digit, dst.number);
            }
            e.imm(v, immBytes);
        }
    }

    void mi(Encoder e, Mem dst, int imm) {
        int bits = Encoder.explicitBits(dst, mnemonic);
        long v = Immediates.truncate(imm, bits, mnemonic);
        int flags = Encoder.flagsForBits(bits);
        if (bits == 8) {
            e.rm(flags, 0x80, digit, dst, 1);
            e.imm(v, 1);
        } else if (isInt8(v)) {
            e.rm(flags, 0x83, digit, dst, 1);
            e.imm(v, 1);
        } else {
            int immBytes = bits == 16 ? 2 : 4;
            e.rm(flags, 0x81, digit, dst, immBytes);
            e.imm(v, immBytes);
        }
    }
}
