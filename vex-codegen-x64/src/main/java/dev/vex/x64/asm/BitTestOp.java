package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;
import static dev.vex.x64.asm.Encoding.legacy;
import static dev.vex.x64.asm.Format.MI;
import static dev.vex.x64.asm.Format.MR;
import static dev.vex.x64.asm.Operand.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bit test (and set, reset, complement): {@code 0F A3/AB/B3/BB /r} with the bit index in a
 * register, {@code 0F BA /4../7 ib} with an immediate index. 16, 32 and 64 bits. The rows are
 * written for each operation's opcode and digit.
 */
public enum BitTestOp {
    BT(0x0FA3, 4), BTS(0x0FAB, 5), BTR(0x0FB3, 6), BTC(0x0FBB, 7);

    final String mnemonic;
    /** Per width (none for 8 bits): r/m, reg and r/m, imm8. */
    private final Widths byReg;
    private final Widths byImm;

    BitTestOp(int opcode, int digit) {
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        this.byReg = new Widths(
            null,
            legacy("bittest", n, MR, P66, opcode, REG, RM16, R16),
            legacy("bittest", n, MR, 0, opcode, REG, RM32, R32),
            legacy("bittest", n, MR, W, opcode, REG, RM64, R64)
        );
        this.byImm = new Widths(
            null,
            legacy("bittest", n, MI, P66, 0x0FBA, digit, RM16, UIMM8),
            legacy("bittest", n, MI, 0, 0x0FBA, digit, RM32, UIMM8),
            legacy("bittest", n, MI, W, 0x0FBA, digit, RM64, UIMM8)
        );
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (BitTestOp op : values()) {
            all.addAll(Rows.concat(op.byReg, op.byImm));
        }
        return all;
    }

    void rr(Encoder e, Gpr base, Gpr bit) {
        Encoder.sameBits(base, bit);
        Encoder.requireBits(base, 16 | 32 | 64, mnemonic);
        e.rr(byReg.of(base.bits), 0, bit.number, base.number);
    }

    void mr(Encoder e, Mem base, Gpr bit) {
        Encoder.requireBits(bit, 16 | 32 | 64, mnemonic);
        Encoder.memBits(base, bit.bits);
        e.rm(byReg.of(bit.bits), 0, bit.number, base);
    }

    void ri(Encoder e, Gpr base, int bit) {
        Encoder.requireBits(base, 16 | 32 | 64, mnemonic);
        Encoding f = byImm.of(base.bits);
        e.digit(f, 0, base.number);
        e.imm(f, Immediates.u8(bit, mnemonic));
    }

    void mi(Encoder e, Mem base, int bit) {
        int bits = Encoder.explicitBits(base, mnemonic);
        if (bits == 8) {
            throw new X64EncodingException(mnemonic + " has no byte form");
        }
        Encoding f = byImm.of(bits);
        e.digit(f, base);
        e.imm(f, Immediates.u8(bit, mnemonic));
    }
}
