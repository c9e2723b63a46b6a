package dev.vex.x64.asm;

import java.util.Locale;

/**
 * One-operand integer instructions of groups 3 (F6/F7: not, neg, mul, imul, div, idiv) and 4/5
 * (FE/FF: inc, dec), selected by ModRM.reg. mul, imul, div and idiv take their other operand and
 * their results in rdx:rax.
 */
public enum UnaryOp {
    INC(0xFE, 0), DEC(0xFE, 1), NOT(0xF6, 2), NEG(0xF6, 3), MUL(0xF6, 4), IMUL(0xF6, 5), DIV(0xF6, 6), IDIV(0xF6, 7);

    /** The byte form's opcode; the wider forms use the next one. */
    private final int opcode8;
    final int digit;
    final String mnemonic;

    UnaryOp(int opcode8, int digit) {
        this.opcode8 = opcode8;
        this.digit = digit;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    void r(Encoder e, Gpr dst) {
        e.rr(dst.sizeFlags, dst.bits == 8 ? opcode8 : opcode8 + 1, digit, dst.number);
    }

    void m(Encoder e, Mem dst) {
        int bits = Encoder.explicitBits(dst, mnemonic);
        e.rm(Encoder.flagsForBits(bits), bits == 8 ? opcode8 : opcode8 + 1, digit, dst, 0);
    }
}
