package dev.vex.x64.asm;

import java.util.Locale;

/**
 * Widening moves: movzx and movsx from 8 or 16 bits ({@code 0F B6/B7}, {@code 0F BE/BF}) and
 * movsxd from 32 to 64 bits ({@code REX.W 63}). The source width picks the opcode.
 */
public enum ExtendOp {
    MOVZX(0x0FB6), MOVSX(0x0FBE), MOVSXD(0x63);

    private final int opcode;
    final String mnemonic;

    ExtendOp(int opcode) {
        this.opcode = opcode;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    private int opcodeFor(Gpr dst, int srcBits) {
        if (this == MOVSXD) {
            if (dst.bits != 64 || srcBits != 32) {
                throw new X64EncodingException("movsxd extends 32 bits to 64");
            }
            return opcode;
        }
        if (srcBits != 8 && srcBits != 16 || dst.bits <= srcBits) {
            throw new X64EncodingException(mnemonic + " cannot extend " + srcBits + " bits to " + dst.bits);
        }
        return srcBits == 8 ? opcode : opcode + 1;
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        int op = opcodeFor(dst, src.bits);
        // Only the source's byte-register REX requirement carries over; its width does not.
        e.rr(dst.sizeFlags | (src.sizeFlags & Encoder.REX), op, dst.number, src.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        int srcBits = this == MOVSXD ? (src.bits == 0 ? 32 : src.bits) : Encoder.explicitBits(src, mnemonic);
        e.rm(dst.sizeFlags, opcodeFor(dst, srcBits), dst.number, src, 0);
    }
}
