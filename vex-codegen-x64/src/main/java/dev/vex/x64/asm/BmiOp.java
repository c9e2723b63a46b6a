package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.MAP_0F38;
import static dev.vex.x64.asm.Encoder.MAP_0F3A;
import static dev.vex.x64.asm.Encoder.VEX_66;
import static dev.vex.x64.asm.Encoder.VEX_F2;
import static dev.vex.x64.asm.Encoder.VEX_F3;
import static dev.vex.x64.asm.Encoder.VEX_NONE;

import java.util.Locale;

/**
 * The VEX-encoded BMI1 and BMI2 general-purpose instructions, 32 or 64 bits (VEX.W).
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
    ANDN(Form.RVM, VEX_NONE, MAP_0F38, 0xF2, 0, CpuFeature.BMI1),
    BEXTR(Form.RMV, VEX_NONE, MAP_0F38, 0xF7, 0, CpuFeature.BMI1),
    BLSR(Form.VM, VEX_NONE, MAP_0F38, 0xF3, 1, CpuFeature.BMI1),
    BLSMSK(Form.VM, VEX_NONE, MAP_0F38, 0xF3, 2, CpuFeature.BMI1),
    BLSI(Form.VM, VEX_NONE, MAP_0F38, 0xF3, 3, CpuFeature.BMI1),
    BZHI(Form.RMV, VEX_NONE, MAP_0F38, 0xF5, 0, CpuFeature.BMI2),
    PDEP(Form.RVM, VEX_F2, MAP_0F38, 0xF5, 0, CpuFeature.BMI2),
    PEXT(Form.RVM, VEX_F3, MAP_0F38, 0xF5, 0, CpuFeature.BMI2),
    MULX(Form.RVM, VEX_F2, MAP_0F38, 0xF6, 0, CpuFeature.BMI2),
    SARX(Form.RMV, VEX_F3, MAP_0F38, 0xF7, 0, CpuFeature.BMI2),
    SHLX(Form.RMV, VEX_66, MAP_0F38, 0xF7, 0, CpuFeature.BMI2),
    SHRX(Form.RMV, VEX_F2, MAP_0F38, 0xF7, 0, CpuFeature.BMI2),
    RORX(Form.RMI, VEX_F2, MAP_0F3A, 0xF0, 0, CpuFeature.BMI2);

    /** Where the operands go; see the class comment. */
    public enum Form { RVM, RMV, VM, RMI }

    public final Form form;
    private final int pp;
    private final int map;
    private final int opcode;
    private final int digit;
    final CpuFeature feature;
    final String mnemonic;

    BmiOp(Form form, int pp, int map, int opcode, int digit, CpuFeature feature) {
        this.form = form;
        this.pp = pp;
        this.map = map;
        this.opcode = opcode;
        this.digit = digit;
        this.feature = feature;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
    }

    private int w(Gpr r) {
        Encoder.requireBits(r, 32 | 64, mnemonic);
        return r.bits == 64 ? 1 : 0;
    }

    private void check(Encoder e, Form expected) {
        e.require(feature, mnemonic);
        if (form != expected) {
            throw new X64EncodingException(mnemonic + " takes its operands in " + form + " order");
        }
    }

    /** RVM and RMV with three registers, in Intel order. */
    void rrr(Encoder e, Gpr a, Gpr b, Gpr c) {
        e.require(feature, mnemonic);
        Encoder.sameBits(a, b);
        Encoder.sameBits(a, c);
        int w = w(a);
        if (form == Form.RVM) {
            e.vexRR(pp, map, w, opcode, a.number, b.number, c.number);
        } else if (form == Form.RMV) {
            e.vexRR(pp, map, w, opcode, a.number, c.number, b.number);
        } else {
            throw new X64EncodingException(mnemonic + " takes two operands");
        }
    }

    /** RVM: {@code op a, b, [mem]}. */
    void rrm(Encoder e, Gpr a, Gpr b, Mem c) {
        check(e, Form.RVM);
        Encoder.sameBits(a, b);
        Encoder.memBits(c, a.bits);
        e.vexRM(pp, map, w(a), opcode, a.number, b.number, c, 0);
    }

    /** RMV: {@code op a, [mem], c}. */
    void rmr(Encoder e, Gpr a, Mem b, Gpr c) {
        check(e, Form.RMV);
        Encoder.sameBits(a, c);
        Encoder.memBits(b, a.bits);
        e.vexRM(pp, map, w(a), opcode, a.number, c.number, b, 0);
    }

    /** VM: {@code op dst, src}. */
    void rr(Encoder e, Gpr dst, Gpr src) {
        check(e, Form.VM);
        Encoder.sameBits(dst, src);
        e.vexRR(pp, map, w(dst), opcode, digit, dst.number, src.number);
    }

    /** VM: {@code op dst, [mem]}. */
    void rm(Encoder e, Gpr dst, Mem src) {
        check(e, Form.VM);
        Encoder.memBits(src, dst.bits);
        e.vexRM(pp, map, w(dst), opcode, digit, dst.number, src, 0);
    }

    /** RMI: {@code rorx dst, src, imm8}. */
    void rri(Encoder e, Gpr dst, Gpr src, int imm) {
        check(e, Form.RMI);
        Encoder.sameBits(dst, src);
        e.vexRR(pp, map, w(dst), opcode, dst.number, 0, src.number);
        e.imm(Immediates.u8(imm, mnemonic), 1);
    }

    /** RMI: {@code rorx dst, [mem], imm8}. */
    void rmi(Encoder e, Gpr dst, Mem src, int imm) {
        check(e, Form.RMI);
        Encoder.memBits(src, dst.bits);
        e.vexRM(pp, map, w(dst), opcode, dst.number, 0, src, 1);
        e.imm(Immediates.u8(imm, mnemonic), 1);
    }
}
