package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.PF2;
import static dev.vex.x64.asm.Encoder.PF3;
import static dev.vex.x64.asm.Encoder.W;
import static dev.vex.x64.asm.Encoding.REG;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The VEX-encoded BMI1 and BMI2 general-purpose instructions, 32 or 64 bits (VEX.W). Each
 * constant is one row of the family, giving VEX.pp (as the 66/F2/F3 flag), the map with the
 * opcode and the opcode extension; its 32- and 64-bit forms are derived from it.
 *
 * <p>They place their operands three ways, named by where the Intel operands go:
 * <ul>
 *   <li>{@link Form#RVM} {@code op dst, src1, src2/mem}: dst in ModRM.reg, src1 in VEX.vvvv,
 *       src2 in ModRM.rm (andn, pdep, pext, mulx);</li>
 *   <li>{@link Form#RMV} {@code op dst, src1/mem, src2}: dst in ModRM.reg, src1 in ModRM.rm, src2
 *       in VEX.vvvv (bextr, bzhi, sarx, shlx, shrx);</li>
 *   <li>{@link Form#VM} {@code op dst, src/mem}: dst in VEX.vvvv, src in ModRM.rm, ModRM.reg an
 *       opcode extension (blsr, blsmsk, blsi);</li>
 *   <li>{@link Form#RMI} {@code rorx dst, src/mem, imm8}.</li>
 * </ul>
 */
public enum BmiOp {
    ANDN(Form.RVM, 0, 0x0F38F2, REG, CpuFeature.BMI1),
    BEXTR(Form.RMV, 0, 0x0F38F7, REG, CpuFeature.BMI1),
    BLSR(Form.VM, 0, 0x0F38F3, 1, CpuFeature.BMI1),
    BLSMSK(Form.VM, 0, 0x0F38F3, 2, CpuFeature.BMI1),
    BLSI(Form.VM, 0, 0x0F38F3, 3, CpuFeature.BMI1),
    BZHI(Form.RMV, 0, 0x0F38F5, REG, CpuFeature.BMI2),
    PDEP(Form.RVM, PF2, 0x0F38F5, REG, CpuFeature.BMI2),
    PEXT(Form.RVM, PF3, 0x0F38F5, REG, CpuFeature.BMI2),
    MULX(Form.RVM, PF2, 0x0F38F6, REG, CpuFeature.BMI2),
    SARX(Form.RMV, PF3, 0x0F38F7, REG, CpuFeature.BMI2),
    SHLX(Form.RMV, P66, 0x0F38F7, REG, CpuFeature.BMI2),
    SHRX(Form.RMV, PF2, 0x0F38F7, REG, CpuFeature.BMI2),
    RORX(Form.RMI, PF2, 0x0F3AF0, REG, CpuFeature.BMI2);

    /** Where the operands go; see the class comment. */
    public enum Form { RVM, RMV, VM, RMI }

    public final Form form;
    final String mnemonic;
    /** The 32-bit (VEX.W0) and 64-bit (VEX.W1) rows. */
    private final Encoding w0;
    private final Encoding w1;

    BmiOp(Form form, int pp, int opcode, int modrm, CpuFeature feature) {
        this.form = form;
        String n = name().toLowerCase(Locale.ROOT);
        this.mnemonic = n;
        this.w0 = row(n, form, pp, opcode, modrm, feature, 32);
        this.w1 = row(n, form, pp | W, opcode, modrm, feature, 64);
    }

    private static Encoding row(String n, Form form, int prefixes, int opcode, int modrm, CpuFeature feature, int bits) {
        Operand r = bits == 64 ? Operand.R64 : Operand.R32;
        Operand rm = bits == 64 ? Operand.RM64 : Operand.RM32;
        return switch (form) {
            case RVM -> Encoding.vex("bmi", n, Format.RVM, prefixes, opcode, modrm, feature, r, r, rm);
            case RMV -> Encoding.vex("bmi", n, Format.RMV, prefixes, opcode, modrm, feature, r, rm, r);
            case VM -> Encoding.vex("bmi", n, Format.VM, prefixes, opcode, modrm, feature, r, rm);
            case RMI -> Encoding.vex("bmi", n, Format.RMI, prefixes, opcode, modrm, feature, r, rm, Operand.UIMM8);
        };
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (BmiOp op : values()) {
            all.add(op.w0);
            all.add(op.w1);
        }
        return all;
    }

    private Encoding formFor(Gpr r) {
        Encoder.requireBits(r, 32 | 64, mnemonic);
        return r.bits == 64 ? w1 : w0;
    }

    private void check(Encoder e, Form expected) {
        e.require(w0);
        if (form != expected) {
            throw new X64EncodingException(mnemonic + " takes its operands in " + form + " order");
        }
    }

    /** RVM and RMV with three registers, in Intel order. */
    void rrr(Encoder e, Gpr a, Gpr b, Gpr c) {
        e.require(w0);
        Encoder.sameBits(a, b);
        Encoder.sameBits(a, c);
        Encoding f = formFor(a);
        if (form == Form.RVM) {
            e.vexRR(f, a.number, b.number, c.number);
        } else if (form == Form.RMV) {
            e.vexRR(f, a.number, c.number, b.number);
        } else {
            throw new X64EncodingException(mnemonic + " takes two operands");
        }
    }

    /** RVM: {@code op a, b, [mem]}. */
    void rrm(Encoder e, Gpr a, Gpr b, Mem c) {
        check(e, Form.RVM);
        Encoder.sameBits(a, b);
        Encoder.memBits(c, a.bits);
        e.vexRM(formFor(a), a.number, b.number, c);
    }

    /** RMV: {@code op a, [mem], c}. */
    void rmr(Encoder e, Gpr a, Mem b, Gpr c) {
        check(e, Form.RMV);
        Encoder.sameBits(a, c);
        Encoder.memBits(b, a.bits);
        e.vexRM(formFor(a), a.number, c.number, b);
    }

    /** VM: {@code op dst, src}. */
    void rr(Encoder e, Gpr dst, Gpr src) {
        check(e, Form.VM);
        Encoder.sameBits(dst, src);
        Encoding f = formFor(dst);
        e.vexRR(f, f.modrm(), dst.number, src.number);
    }

    /** VM: {@code op dst, [mem]}. */
    void rm(Encoder e, Gpr dst, Mem src) {
        check(e, Form.VM);
        Encoder.memBits(src, dst.bits);
        Encoding f = formFor(dst);
        e.vexRM(f, f.modrm(), dst.number, src);
    }

    /** RMI: {@code rorx dst, src, imm8}. */
    void rri(Encoder e, Gpr dst, Gpr src, int imm) {
        check(e, Form.RMI);
        Encoder.sameBits(dst, src);
        Encoding f = formFor(dst);
        e.vexRR(f, dst.number, 0, src.number);
        e.imm(f, Immediates.u8(imm, mnemonic));
    }

    /** RMI: {@code rorx dst, [mem], imm8}. */
    void rmi(Encoder e, Gpr dst, Mem src, int imm) {
        check(e, Form.RMI);
        Encoder.memBits(src, dst.bits);
        Encoding f = formFor(dst);
        e.vexRM(f, dst.number, 0, src);
        e.imm(f, Immediates.u8(imm, mnemonic));
    }
}
