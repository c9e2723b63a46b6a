package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.M;
import static dev.vex.x64.asm.Operand.RM16;
import static dev.vex.x64.asm.Operand.RM32;
import static dev.vex.x64.asm.Operand.RM64;
import static dev.vex.x64.asm.Operand.RM8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-operand integer instructions of groups 3 (F6/F7: not, neg, mul, imul, div, idiv) and 4/5
 * (FE/FF: inc, dec), selected by ModRM.reg. mul, imul, div and idiv take their other operand and
 * their results in rdx:rax. The rows are written for each operation's byte opcode and digit.
 */
public enum UnaryOp {
    INC(0xFE, 0), DEC(0xFE, 1), NOT(0xF6, 2), NEG(0xF6, 3), MUL(0xF6, 4), IMUL(0xF6, 5), DIV(0xF6, 6), IDIV(0xF6, 7);

    final String mnemonic;
    /** Per width (8, 16, 32, 64 bits). */
    private final Widths forms;

    UnaryOp(int opcode8, int digit) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        this.forms = new Widths(
            legacy("unary", n, M, 0, opcode8, digit, RM8),
            legacy("unary", n, M, P66, opcode8 + 1, digit, RM16),
            legacy("unary", n, M, 0, opcode8 + 1, digit, RM32),
            legacy("unary", n, M, W, opcode8 + 1, digit, RM64)
        );
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (UnaryOp op : values()) {
            all.addAll(Rows.concat(op.forms));
        }
        return all;
    }

    void r(Encoder e, Gpr dst) {
        e.digit(forms.of(dst.bits), dst.rex, dst.number);
    }

    void m(Encoder e, Mem dst) {
        e.digit(forms.of(Encoder.explicitBits(dst, mnemonic)), dst);
    }
}
