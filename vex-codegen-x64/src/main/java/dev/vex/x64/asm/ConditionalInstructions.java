package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.M;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Instructions that read a condition: setcc ({@code 0F 90+cc /0}, one byte) and cmovcc
 * ({@code 0F 40+cc /r}, 16, 32 or 64 bits), one row per condition and width. jcc is with the
 * other branches in {@link BranchInstructions}.
 */
final class ConditionalInstructions {
    /** By condition code. */
    private static final Encoding[] SETCC = new Encoding[16];
    /** By condition code, then width (none for 8 bits). */
    private static final Widths[] CMOVCC = new Widths[16];

    static {
        for (Cond cc : Cond.values()) {
            String s = cc.suffix();
            int c = cc.code;
            SETCC[c] = legacy("cond", "set" + s, M, 0, 0x0F90 + c, 0, RM8);
            CMOVCC[c] = new Widths(
                null,
                legacy("cond", "cmov" + s, RM, P66, 0x0F40 + c, REG, R16, RM16),
                legacy("cond", "cmov" + s, RM, 0, 0x0F40 + c, REG, R32, RM32),
                legacy("cond", "cmov" + s, RM, W, 0x0F40 + c, REG, R64, RM64)
            );
        }
    }

    private ConditionalInstructions() {
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>(Rows.of(SETCC));
        all.addAll(Rows.concat(CMOVCC));
        return all;
    }

    static void setcc(Encoder e, Cond cc, Gpr dst) {
        Encoder.requireBits(dst, 8, "setcc");
        e.digit(SETCC[cc.code], dst.rex, dst.number);
    }

    static void setcc(Encoder e, Cond cc, Mem dst) {
        Encoder.memBits(dst, 8);
        e.digit(SETCC[cc.code], dst);
    }

    static void cmovcc(Encoder e, Cond cc, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        Encoder.requireBits(dst, 16 | 32 | 64, "cmov");
        e.rr(CMOVCC[cc.code].of(dst.bits), 0, dst.number, src.number);
    }

    static void cmovcc(Encoder e, Cond cc, Gpr dst, Mem src) {
        Encoder.requireBits(dst, 16 | 32 | 64, "cmov");
        Encoder.memBits(src, dst.bits);
        e.rm(CMOVCC[cc.code].of(dst.bits), 0, dst.number, src);
    }
}
