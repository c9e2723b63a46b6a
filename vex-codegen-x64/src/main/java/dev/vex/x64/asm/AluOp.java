package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoder.isInt8;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Format.AI;
import static dev.vex.x64.asm.Format.MI;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Format.RM;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The eight classic two-operand integer operations, which share one encoding scheme: the
 * ModRM.reg extension {@code /digit} selects the operation in the immediate forms (80, 81, 83) and
 * {@code digit * 8} is the base of the others. The rows below are the forms of each operation,
 * written for the operation's {@code base} and {@code digit}.
 *
 * <p>Register-register forms use the r/m,r direction (00/01 + base), as GNU as does. Immediates
 * take the shortest form: imm8 sign-extended (83) when it fits, else the accumulator form (one
 * byte shorter than 81) for al/ax/eax/rax, else 81.
 */
public enum AluOp {
    ADD(0), OR(1), ADC(2), SBB(3), AND(4), SUB(5), XOR(6), CMP(7);

    final String mnemonic;
    /** Per width (8, 16, 32, 64 bits): r/m, reg. */
    private final Widths mr;
    /** Per width: reg, r/m. */
    private final Widths rm;
    /** Per width: accumulator, immediate. */
    private final Widths acc;
    /** Per width: r/m, full-width immediate (80, 81). */
    private final Widths mi;
    /** Per width: r/m, sign-extended imm8 (83); none for 8 bits. */
    private final Widths mi8;

    AluOp(int digit) {
        String n = name().toLowerCase(Locale.ROOT);
        int base = digit * 8;
        this.mnemonic = n;
        this.mr = new Widths(
            Encoding.legacy("alu", n, MR, 0, base, REG, RM8, R8),
            Encoding.legacy("alu", n, MR, P66, base + 1, REG, RM16, R16),
            Encoding.legacy("alu", n, MR, 0, base + 1, REG, RM32, R32),
            Encoding.legacy("alu", n, MR, W, base + 1, REG, RM64, R64)
        );
        this.rm = new Widths(
            Encoding.legacy("alu", n, RM, 0, base + 2, REG, R8, RM8),
            Encoding.legacy("alu", n, RM, P66, base + 3, REG, R16, RM16),
            Encoding.legacy("alu", n, RM, 0, base + 3, REG, R32, RM32),
            Encoding.legacy("alu", n, RM, W, base + 3, REG, R64, RM64)
        );
        this.acc = new Widths(
            Encoding.legacy("alu", n, AI, 0, base + 4, Encoding.NONE, AL, IMM8),
            Encoding.legacy("alu", n, AI, P66, base + 5, Encoding.NONE, AX, IMM16),
            Encoding.legacy("alu", n, AI, 0, base + 5, Encoding.NONE, EAX, IMM32),
            Encoding.legacy("alu", n, AI, W, base + 5, Encoding.NONE, RAX, IMM32)
        );
        this.mi = new Widths(
            Encoding.legacy("alu", n, MI, 0, 0x80, digit, RM8, IMM8),
            Encoding.legacy("alu", n, MI, P66, 0x81, digit, RM16, IMM16),
            Encoding.legacy("alu", n, MI, 0, 0x81, digit, RM32, IMM32),
            Encoding.legacy("alu", n, MI, W, 0x81, digit, RM64, IMM32)
        );
        this.mi8 = new Widths(
            null,
            Encoding.legacy("alu", n, MI, P66, 0x83, digit, RM16, IMM8),
            Encoding.legacy("alu", n, MI, 0, 0x83, digit, RM32, IMM8),
            Encoding.legacy("alu", n, MI, W, 0x83, digit, RM64, IMM8)
        );
    }

    /** The rows of all eight operations. */
    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (AluOp op : values()) {
            all.addAll(Rows.concat(op.mr, op.rm, op.acc, op.mi, op.mi8));
        }
        return all;
    }

    void rr(Encoder e, Gpr dst, Gpr src) {
        Encoder.sameBits(dst, src);
        e.rr(mr.of(dst.bits), dst.rex | src.rex, src.number, dst.number);
    }

    void rm(Encoder e, Gpr dst, Mem src) {
        Encoder.memBits(src, dst.bits);
        e.rm(rm.of(dst.bits), dst.rex, dst.number, src);
    }

    void mr(Encoder e, Mem dst, Gpr src) {
        Encoder.memBits(dst, src.bits);
        e.rm(mr.of(src.bits), src.rex, src.number, dst);
    }

    void ri(Encoder e, Gpr dst, int imm) {
        int bits = dst.bits;
        long v = Immediates.truncate(imm, bits, mnemonic);
        Encoding f;
        if (bits != 8 && isInt8(v)) {
            f = mi8.of(bits);
        } else if (dst.number == 0) {
            f = acc.of(bits);
            e.op(f, 0);
            e.imm(f, v);
            return;
        } else {
            f = mi.of(bits);
        }
        e.digit(f, dst.rex, dst.number);
        e.imm(f, v);
    }

    void mi(Encoder e, Mem dst, int imm) {
        int bits = Encoder.explicitBits(dst, mnemonic);
        long v = Immediates.truncate(imm, bits, mnemonic);
        Encoding f = bits != 8 && isInt8(v) ? mi8.of(bits) : mi.of(bits);
        e.digit(f, dst);
        e.imm(f, v);
    }
}
