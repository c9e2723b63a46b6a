package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.P66;
import static dev.vex.x64.asm.Encoder.PF2;
import static dev.vex.x64.asm.Encoder.PF3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SSE instructions of the shape {@code op xmm, xmm/mem}: the destination in ModRM.reg, the source
 * in ModRM.rm, a mandatory prefix (none, 66, F3 or F2) and an 0F-map opcode. The scalar
 * arithmetic comes in ss (F3, 32-bit) and sd (F2, 64-bit) forms, the bitwise logic in ps (none)
 * and pd (66) forms over the whole register, which is how scalar code negates and takes absolute
 * values. roundss and roundsd (SSE4.1) add an immediate rounding mode. Each constant is one row
 * ({@code op xmm, xmm/mN}): its mandatory prefix, opcode and memory width.
 */
public enum SseOp {
    ADDSS(PF3, 0x0F58, 32), ADDSD(PF2, 0x0F58, 64),
    SUBSS(PF3, 0x0F5C, 32), SUBSD(PF2, 0x0F5C, 64),
    MULSS(PF3, 0x0F59, 32), MULSD(PF2, 0x0F59, 64),
    DIVSS(PF3, 0x0F5E, 32), DIVSD(PF2, 0x0F5E, 64),
    SQRTSS(PF3, 0x0F51, 32), SQRTSD(PF2, 0x0F51, 64),
    MINSS(PF3, 0x0F5D, 32), MINSD(PF2, 0x0F5D, 64),
    MAXSS(PF3, 0x0F5F, 32), MAXSD(PF2, 0x0F5F, 64),
    UCOMISS(0, 0x0F2E, 32), UCOMISD(P66, 0x0F2E, 64),
    COMISS(0, 0x0F2F, 32), COMISD(P66, 0x0F2F, 64),
    CVTSS2SD(PF3, 0x0F5A, 32), CVTSD2SS(PF2, 0x0F5A, 64),
    ANDPS(0, 0x0F54, 128), ANDNPS(0, 0x0F55, 128), ORPS(0, 0x0F56, 128), XORPS(0, 0x0F57, 128),
    ANDPD(P66, 0x0F54, 128), ANDNPD(P66, 0x0F55, 128), ORPD(P66, 0x0F56, 128), XORPD(P66, 0x0F57, 128),
    /** Whole-register copies (load form), the move for xmm to xmm. */
    MOVAPS(0, 0x0F28, 128), MOVAPD(P66, 0x0F28, 128),
    /** SSE4.1, with an immediate rounding mode (0 nearest, 1 down, 2 up, 3 toward zero, +8 no precision exception). */
    ROUNDSS(P66, 0x0F3A0A, 32), ROUNDSD(P66, 0x0F3A0B, 64);

    /** Width of the memory operand: 32, 64 or 128 bits. */
    final int memBits;
    final String mnemonic;
    /** The row: {@code op xmm, xmm/mN}, or {@code op xmm, xmm/mN, uimm8} for the roundings. */
    private final Encoding form;

    SseOp(int prefix, int opcode, int memBits) {
        this.memBits = memBits;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
        Operand src = memBits == 32 ? Operand.XMM_M32 : memBits == 64 ? Operand.XMM_M64 : Operand.XMM_M128;
        this.form = opcode > 0xFFFF
            ? Encoding.legacy("sse", mnemonic, Format.RMI, prefix, opcode, Encoding.REG, CpuFeature.SSE4_1, Operand.XMM, src, Operand.UIMM8)
            : Encoding.legacy("sse", mnemonic, Format.RM, prefix, opcode, Encoding.REG, Operand.XMM, src);
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (SseOp op : values()) {
            all.add(op.form);
        }
        return all;
    }

    /** Whether this is roundss or roundsd, which take an immediate and need SSE4.1. */
    public boolean takesImmediate() {
        return form.immBytes() != 0;
    }

    private void checkMem(Mem src) {
        if (src.bits != 0 && src.bits != memBits) {
            throw new X64EncodingException(mnemonic + " reads " + memBits + " bits of memory, not " + src.bits);
        }
    }

    private void checkForm(Encoder e, boolean withImmediate) {
        if (takesImmediate() != withImmediate) {
            throw new X64EncodingException(mnemonic + (withImmediate ? " takes no immediate" : " needs an immediate"));
        }
        e.require(form);
    }

    void rr(Encoder e, Xmm dst, Xmm src) {
        checkForm(e, false);
        e.rr(form, 0, dst.number, src.number);
    }

    void rm(Encoder e, Xmm dst, Mem src) {
        checkForm(e, false);
        checkMem(src);
        e.rm(form, 0, dst.number, src);
    }

    void rri(Encoder e, Xmm dst, Xmm src, int imm) {
        checkForm(e, true);
        e.rr(form, 0, dst.number, src.number);
        e.imm(form, Immediates.u8(imm, mnemonic));
    }

    void rmi(Encoder e, Xmm dst, Mem src, int imm) {
        checkForm(e, true);
        checkMem(src);
        e.rm(form, 0, dst.number, src);
        e.imm(form, Immediates.u8(imm, mnemonic));
    }
}
