package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Widening moves: movzx and movsx from 8 or 16 bits ({@code 0F B6/B7}, {@code 0F BE/BF}) and
 * movsxd from 32 to 64 bits ({@code REX.W 63}). The source width picks the opcode. The rows of
 * movzx and movsx are written for each one's byte-source opcode.
 */
public enum ExtendOp {
    MOVZX(0x0FB6), MOVSX(0x0FBE), MOVSXD(0x63);

    final String mnemonic;
    /** [source width index][destination width index]; null where the pair has no form. */
    private final Encoding[][] forms = new Encoding[4][4];

    ExtendOp(int opcode) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        if (opcode == 0x63) {
            forms[2][3] = legacy("extend", n, RM, W, 0x63, REG, R64, RM32);
        } else {
            forms[0][1] = legacy("extend", n, RM, P66, opcode, REG, R16, RM8);
            forms[0][2] = legacy("extend", n, RM, 0, opcode, REG, R32, RM8);
            forms[0][3] = legacy("extend", n, RM, W, opcode, REG, R64, RM8);
            forms[1][2] = legacy("extend", n, RM, 0, opcode + 1, REG, R32, RM16);
            forms[1][3] = legacy("extend", n, RM, W, opcode + 1, REG, R64, RM16);
        }
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (ExtendOp op : values()) {
            all.addAll(Rows.concat(op.forms));
        }
        return all;
    }

    private Encoding formFor(Gpr dst, int srcBits) {
        Encoding f = srcBits == 8 || srcBits == 16 || srcBits == 32 ? forms[Encoder.widthIndex(srcBits)][dst.widthIndex] : null;
        if (f == null) {
            throw new X64EncodingException(this == MOVSXD ? "movsxd extends 32 bits to 64"
                : mnemonic + " cannot extend " + srcBits + " bits to " + dst.bits);
        }
        return f;
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        // Only the source's byte-register REX requirement carries over; its width does not.
        e.rr(formFor(dst, src.bits), src.rex, dst.number, src.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        int srcBits = this == MOVSXD ? (src.bits == 0 ? 32 : src.bits) : Encoder.explicitBits(src, mnemonic);
        e.rm(formFor(dst, srcBits), 0, dst.number, src);
    }
}
