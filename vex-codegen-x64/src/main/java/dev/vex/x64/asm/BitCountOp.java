package dev.vex.x64.asm;

import java.util.Locale;

/**
 * popcnt, lzcnt and tzcnt: {@code F3 0F B8/BD/BC /r}, 16, 32 or 64 bits. lzcnt and tzcnt share
 * their bytes with bsr and bsf behind an F3 prefix that older CPUs ignore, so the feature check
 * matters: without LZCNT or BMI1 the same bytes compute something else.
 */
public enum BitCountOp {
    POPCNT(0x0FB8, CpuFeature.POPCNT), LZCNT(0x0FBD, CpuFeature.LZCNT), TZCNT(0x0FBC, CpuFeature.BMI1);

    private final int opcode;
    final CpuFeature feature;
    final String mnemonic;

    BitCountOp(int opcode, CpuFeature feature) {
        this.opcode = opcode;
        this.feature = feature;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        e.require(feature, mnemonic);
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, mnemonic);
        e.rr(dst.sizeFlags | Encoder.PF3, opcode, dst.number, src.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        e.require(feature, mnemonic);
        Encoder.requireBits(dst, 16 | 32 | 64, mnemonic);
        Encoder.memBits(src, dst.bits);
        e.rm(dst.sizeFlags | Encoder.PF3, opcode, dst.number, src, 0);
    }
}
