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
    /** By destination width, the rows from an 8-, 16- and 32-bit source; null where there is none. */
    private final Widths from8;
    private final Widths from16;
    private final Widths from32;

    ExtendOp(int opcode) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        if (opcode == 0x63) {
            from8 = null;
            from16 = null;
            from32 = new Widths(null, null, null, legacy("extend", n, RM, W, 0x63, REG, R64, RM32));
        } else {
            from8 = new Widths(null,
                legacy("extend", n, RM, P66, opcode, REG, R16, RM8),
                legacy("extend", n, RM, 0, opcode, REG, R32, RM8),
                legacy("extend", n, RM, W, opcode, REG, R64, RM8));
            from16 = new Widths(null, null,
                legacy("extend", n, RM, 0, opcode + 1, REG, R32, RM16),
                legacy("extend", n, RM, W, opcode + 1, REG, R64, RM16));
            from32 = null;
        }
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (ExtendOp op : values()) {
            for (Widths w : new Widths[] {op.from8, op.from16, op.from32}) {
                if (w != null) {
                    all.addAll(w.rows());
                }
            }
        }
        return all;
    }

    private Encoding formFor(Gpr dst, int srcBits) {
        Widths from = srcBits == 8 ? from8 : srcBits == 16 ? from16 : srcBits == 32 ? from32 : null;
        Encoding f = from == null ? null : from.of(dst.bits);
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
