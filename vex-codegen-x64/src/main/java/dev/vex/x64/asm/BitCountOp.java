package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.PF3;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * popcnt, lzcnt and tzcnt: {@code F3 0F B8/BD/BC /r}, 16, 32 or 64 bits. lzcnt and tzcnt share
 * their bytes with bsr and bsf behind an F3 prefix that older CPUs ignore, so the feature check
 * matters: without LZCNT or BMI1 the same bytes compute something else.
 */
public enum BitCountOp {
    POPCNT(0x0FB8, CpuFeature.POPCNT), LZCNT(0x0FBD, CpuFeature.LZCNT), TZCNT(0x0FBC, CpuFeature.BMI1);

    final String mnemonic;
    /** Per width (none for 8 bits). */
    private final Widths forms;

    BitCountOp(int opcode, CpuFeature feature) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        this.forms = new Widths(
            null,
            legacy("bitcount", n, RM, PF3 | P66, opcode, REG, feature, R16, RM16),
            legacy("bitcount", n, RM, PF3, opcode, REG, feature, R32, RM32),
            legacy("bitcount", n, RM, PF3 | W, opcode, REG, feature, R64, RM64)
        );
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (BitCountOp op : values()) {
            all.addAll(Rows.concat(op.forms));
        }
        return all;
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, mnemonic);
        Encoding f = forms.of(dst.bits);
        e.require(f);
        e.rr(f, 0, dst.number, src.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, mnemonic);
        Encoder.memBits(src, dst.bits);
        Encoding f = forms.of(dst.bits);
        e.require(f);
        e.rm(f, 0, dst.number, src);
    }
}
