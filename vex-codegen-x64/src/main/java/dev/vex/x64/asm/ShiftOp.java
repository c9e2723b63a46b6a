package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.M1;
import static dev.vex.x64.asm.Format.MC;
import static dev.vex.x64.asm.Format.MI;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shifts and rotates: group 2, selected by ModRM.reg. By 1: D0/D1 (the form GNU as picks for a
 * count of 1); by an immediate: C0/C1 ib; by cl: D2/D3. The rows are written for each
 * operation's digit.
 */
public enum ShiftOp {
    ROL(0), ROR(1), RCL(2), RCR(3), SHL(4), SHR(5), SAR(7);

    final String mnemonic;
    /** Per width (8, 16, 32, 64 bits): by 1, by an immediate, by cl. */
    private final Widths byOne;
    private final Widths byImm;
    private final Widths byCl;

    ShiftOp(int digit) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        this.byOne = new Widths(
            legacy("shift", n, M1, 0, 0xD0, digit, RM8, ONE),
            legacy("shift", n, M1, P66, 0xD1, digit, RM16, ONE),
            legacy("shift", n, M1, 0, 0xD1, digit, RM32, ONE),
            legacy("shift", n, M1, W, 0xD1, digit, RM64, ONE)
        );
        this.byImm = new Widths(
            legacy("shift", n, MI, 0, 0xC0, digit, RM8, UIMM8),
            legacy("shift", n, MI, P66, 0xC1, digit, RM16, UIMM8),
            legacy("shift", n, MI, 0, 0xC1, digit, RM32, UIMM8),
            legacy("shift", n, MI, W, 0xC1, digit, RM64, UIMM8)
        );
        this.byCl = new Widths(
            legacy("shift", n, MC, 0, 0xD2, digit, RM8, CL),
            legacy("shift", n, MC, P66, 0xD3, digit, RM16, CL),
            legacy("shift", n, MC, 0, 0xD3, digit, RM32, CL),
            legacy("shift", n, MC, W, 0xD3, digit, RM64, CL)
        );
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (ShiftOp op : values()) {
            all.addAll(Rows.concat(op.byOne, op.byImm, op.byCl));
        }
        return all;
    }

    void ri(Encoder e, Gpr dst, int count) {
        Immediates.u8(count, mnemonic);
        if (count == 1) {
            e.digit(byOne.of(dst.bits), dst.rex, dst.number);
        } else {
            Encoding f = byImm.of(dst.bits);
            e.digit(f, dst.rex, dst.number);
            e.imm(f, count);
        }
    }

    void mi(Encoder e, Mem dst, int count) {
        Immediates.u8(count, mnemonic);
        int bits = Encoder.explicitBits(dst, mnemonic);
        if (count == 1) {
            e.digit(byOne.of(bits), dst);
        } else {
            Encoding f = byImm.of(bits);
            e.digit(f, dst);
            e.imm(f, count);
        }
    }

    void rcl(Encoder e, Gpr dst) {
        e.digit(byCl.of(dst.bits), dst.rex, dst.number);
    }

    void mcl(Encoder e, Mem dst) {
        e.digit(byCl.of(Encoder.explicitBits(dst, mnemonic)), dst);
    }
}
