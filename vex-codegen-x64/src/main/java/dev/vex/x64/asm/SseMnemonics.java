package dev.vex.x64.asm;

import dev.vex.code.CodeBuffer;

/**
 * Scalar SSE and FMA3: the {@link SseOp} arithmetic, compares and logic, {@link SseConvertOp}
 * conversions, movss/movsd/movd/movq and the {@link FmaOp} fused multiply-adds.
 *
 * <p>Part of the {@link X64Assembler} front, which is split into one layer per instruction group
 * so that no file holds them all; use it through {@code X64Assembler}.
 */
public abstract sealed class SseMnemonics extends BitMnemonics permits X64Assembler {
    SseMnemonics(CodeBuffer buf, CpuFeatures features) {
        super(buf, features);
    }

    // ---- SSE scalar and logic (SseOp, SseConvertOp, SseMoveInstructions) ----

    public X64Assembler sse(SseOp op, Xmm dst, Xmm src) {
        op.rr(enc, dst, src);
        return self();
    }

    public X64Assembler sse(SseOp op, Xmm dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler addss(Xmm dst, Xmm src) {
        return sse(SseOp.ADDSS, dst, src);
    }

    public X64Assembler addss(Xmm dst, Mem src) {
        return sse(SseOp.ADDSS, dst, src);
    }

    public X64Assembler addsd(Xmm dst, Xmm src) {
        return sse(SseOp.ADDSD, dst, src);
    }

    public X64Assembler addsd(Xmm dst, Mem src) {
        return sse(SseOp.ADDSD, dst, src);
    }

    public X64Assembler subss(Xmm dst, Xmm src) {
        return sse(SseOp.SUBSS, dst, src);
    }

    public X64Assembler subss(Xmm dst, Mem src) {
        return sse(SseOp.SUBSS, dst, src);
    }

    public X64Assembler subsd(Xmm dst, Xmm src) {
        return sse(SseOp.SUBSD, dst, src);
    }

    public X64Assembler subsd(Xmm dst, Mem src) {
        return sse(SseOp.SUBSD, dst, src);
    }

    public X64Assembler mulss(Xmm dst, Xmm src) {
        return sse(SseOp.MULSS, dst, src);
    }

    public X64Assembler mulss(Xmm dst, Mem src) {
        return sse(SseOp.MULSS, dst, src);
    }

    public X64Assembler mulsd(Xmm dst, Xmm src) {
        return sse(SseOp.MULSD, dst, src);
    }

    public X64Assembler mulsd(Xmm dst, Mem src) {
        return sse(SseOp.MULSD, dst, src);
    }

    public X64Assembler divss(Xmm dst, Xmm src) {
        return sse(SseOp.DIVSS, dst, src);
    }

    public X64Assembler divss(Xmm dst, Mem src) {
        return sse(SseOp.DIVSS, dst, src);
    }

    public X64Assembler divsd(Xmm dst, Xmm src) {
        return sse(SseOp.DIVSD, dst, src);
    }

    public X64Assembler divsd(Xmm dst, Mem src) {
        return sse(SseOp.DIVSD, dst, src);
    }

    public X64Assembler sqrtss(Xmm dst, Xmm src) {
        return sse(SseOp.SQRTSS, dst, src);
    }

    public X64Assembler sqrtss(Xmm dst, Mem src) {
        return sse(SseOp.SQRTSS, dst, src);
    }

    public X64Assembler sqrtsd(Xmm dst, Xmm src) {
        return sse(SseOp.SQRTSD, dst, src);
    }

    public X64Assembler sqrtsd(Xmm dst, Mem src) {
        return sse(SseOp.SQRTSD, dst, src);
    }

    public X64Assembler minss(Xmm dst, Xmm src) {
        return sse(SseOp.MINSS, dst, src);
    }

    public X64Assembler minss(Xmm dst, Mem src) {
        return sse(SseOp.MINSS, dst, src);
    }

    public X64Assembler minsd(Xmm dst, Xmm src) {
        return sse(SseOp.MINSD, dst, src);
    }

    public X64Assembler minsd(Xmm dst, Mem src) {
        return sse(SseOp.MINSD, dst, src);
    }

    public X64Assembler maxss(Xmm dst, Xmm src) {
        return sse(SseOp.MAXSS, dst, src);
    }

    public X64Assembler maxss(Xmm dst, Mem src) {
        return sse(SseOp.MAXSS, dst, src);
    }

    public X64Assembler maxsd(Xmm dst, Xmm src) {
        return sse(SseOp.MAXSD, dst, src);
    }

    public X64Assembler maxsd(Xmm dst, Mem src) {
        return sse(SseOp.MAXSD, dst, src);
    }

    public X64Assembler ucomiss(Xmm dst, Xmm src) {
        return sse(SseOp.UCOMISS, dst, src);
    }

    public X64Assembler ucomiss(Xmm dst, Mem src) {
        return sse(SseOp.UCOMISS, dst, src);
    }

    public X64Assembler ucomisd(Xmm dst, Xmm src) {
        return sse(SseOp.UCOMISD, dst, src);
    }

    public X64Assembler ucomisd(Xmm dst, Mem src) {
        return sse(SseOp.UCOMISD, dst, src);
    }

    public X64Assembler comiss(Xmm dst, Xmm src) {
        return sse(SseOp.COMISS, dst, src);
    }

    public X64Assembler comiss(Xmm dst, Mem src) {
        return sse(SseOp.COMISS, dst, src);
    }

    public X64Assembler comisd(Xmm dst, Xmm src) {
        return sse(SseOp.COMISD, dst, src);
    }

    public X64Assembler comisd(Xmm dst, Mem src) {
        return sse(SseOp.COMISD, dst, src);
    }

    public X64Assembler cvtss2sd(Xmm dst, Xmm src) {
        return sse(SseOp.CVTSS2SD, dst, src);
    }

    public X64Assembler cvtss2sd(Xmm dst, Mem src) {
        return sse(SseOp.CVTSS2SD, dst, src);
    }

    public X64Assembler cvtsd2ss(Xmm dst, Xmm src) {
        return sse(SseOp.CVTSD2SS, dst, src);
    }

    public X64Assembler cvtsd2ss(Xmm dst, Mem src) {
        return sse(SseOp.CVTSD2SS, dst, src);
    }

    public X64Assembler andps(Xmm dst, Xmm src) {
        return sse(SseOp.ANDPS, dst, src);
    }

    public X64Assembler andps(Xmm dst, Mem src) {
        return sse(SseOp.ANDPS, dst, src);
    }

    public X64Assembler andnps(Xmm dst, Xmm src) {
        return sse(SseOp.ANDNPS, dst, src);
    }

    public X64Assembler andnps(Xmm dst, Mem src) {
        return sse(SseOp.ANDNPS, dst, src);
    }

    public X64Assembler orps(Xmm dst, Xmm src) {
        return sse(SseOp.ORPS, dst, src);
    }

    public X64Assembler orps(Xmm dst, Mem src) {
        return sse(SseOp.ORPS, dst, src);
    }

    public X64Assembler xorps(Xmm dst, Xmm src) {
        return sse(SseOp.XORPS, dst, src);
    }

    public X64Assembler xorps(Xmm dst, Mem src) {
        return sse(SseOp.XORPS, dst, src);
    }

    public X64Assembler andpd(Xmm dst, Xmm src) {
        return sse(SseOp.ANDPD, dst, src);
    }

    public X64Assembler andpd(Xmm dst, Mem src) {
        return sse(SseOp.ANDPD, dst, src);
    }

    public X64Assembler andnpd(Xmm dst, Xmm src) {
        return sse(SseOp.ANDNPD, dst, src);
    }

    public X64Assembler andnpd(Xmm dst, Mem src) {
        return sse(SseOp.ANDNPD, dst, src);
    }

    public X64Assembler orpd(Xmm dst, Xmm src) {
        return sse(SseOp.ORPD, dst, src);
    }

    public X64Assembler orpd(Xmm dst, Mem src) {
        return sse(SseOp.ORPD, dst, src);
    }

    public X64Assembler xorpd(Xmm dst, Xmm src) {
        return sse(SseOp.XORPD, dst, src);
    }

    public X64Assembler xorpd(Xmm dst, Mem src) {
        return sse(SseOp.XORPD, dst, src);
    }

    public X64Assembler movaps(Xmm dst, Xmm src) {
        return sse(SseOp.MOVAPS, dst, src);
    }

    public X64Assembler movaps(Xmm dst, Mem src) {
        return sse(SseOp.MOVAPS, dst, src);
    }

    public X64Assembler movapd(Xmm dst, Xmm src) {
        return sse(SseOp.MOVAPD, dst, src);
    }

    public X64Assembler movapd(Xmm dst, Mem src) {
        return sse(SseOp.MOVAPD, dst, src);
    }
    /** An SSE instruction with an immediate (roundss, roundsd). */
    public X64Assembler sse(SseOp op, Xmm dst, Xmm src, int imm) {
        op.rri(enc, dst, src, imm);
        return self();
    }

    public X64Assembler sse(SseOp op, Xmm dst, Mem src, int imm) {
        op.rmi(enc, dst, src, imm);
        return self();
    }

    /** roundss with a rounding-mode immediate (SSE4.1). */
    public X64Assembler roundss(Xmm dst, Xmm src, int mode) {
        SseOp.ROUNDSS.rri(enc, dst, src, mode);
        return self();
    }

    public X64Assembler roundss(Xmm dst, Mem src, int mode) {
        SseOp.ROUNDSS.rmi(enc, dst, src, mode);
        return self();
    }

    /** roundsd with a rounding-mode immediate (SSE4.1). */
    public X64Assembler roundsd(Xmm dst, Xmm src, int mode) {
        SseOp.ROUNDSD.rri(enc, dst, src, mode);
        return self();
    }

    public X64Assembler roundsd(Xmm dst, Mem src, int mode) {
        SseOp.ROUNDSD.rmi(enc, dst, src, mode);
        return self();
    }

    /** Integer to float; a 64-bit source register converts a 64-bit integer. */
    public X64Assembler convert(SseConvertOp op, Xmm dst, Gpr src) {
        op.xr(enc, dst, src);
        return self();
    }

    /** Integer to float from memory; {@code src} must be a dword or a qword. */
    public X64Assembler convert(SseConvertOp op, Xmm dst, Mem src) {
        op.xm(enc, dst, src);
        return self();
    }

    /** Float to integer; the destination's width picks a 32- or 64-bit result. */
    public X64Assembler convert(SseConvertOp op, Gpr dst, Xmm src) {
        op.rx(enc, dst, src);
        return self();
    }

    public X64Assembler convert(SseConvertOp op, Gpr dst, Mem src) {
        op.rm(enc, dst, src);
        return self();
    }

    public X64Assembler cvtsi2ss(Xmm dst, Gpr src) {
        return convert(SseConvertOp.CVTSI2SS, dst, src);
    }

    public X64Assembler cvtsi2ss(Xmm dst, Mem src) {
        return convert(SseConvertOp.CVTSI2SS, dst, src);
    }

    public X64Assembler cvtsi2sd(Xmm dst, Gpr src) {
        return convert(SseConvertOp.CVTSI2SD, dst, src);
    }

    public X64Assembler cvtsi2sd(Xmm dst, Mem src) {
        return convert(SseConvertOp.CVTSI2SD, dst, src);
    }

    public X64Assembler cvttss2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTTSS2SI, dst, src);
    }

    public X64Assembler cvttss2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTTSS2SI, dst, src);
    }

    public X64Assembler cvttsd2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTTSD2SI, dst, src);
    }

    public X64Assembler cvttsd2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTTSD2SI, dst, src);
    }

    public X64Assembler cvtss2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTSS2SI, dst, src);
    }

    public X64Assembler cvtss2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTSS2SI, dst, src);
    }

    public X64Assembler cvtsd2si(Gpr dst, Xmm src) {
        return convert(SseConvertOp.CVTSD2SI, dst, src);
    }

    public X64Assembler cvtsd2si(Gpr dst, Mem src) {
        return convert(SseConvertOp.CVTSD2SI, dst, src);
    }

    public X64Assembler movss(Xmm dst, Xmm src) {
        SseMoveInstructions.scalarRR(enc, true, dst, src);
        return self();
    }

    public X64Assembler movss(Xmm dst, Mem src) {
        SseMoveInstructions.scalarLoad(enc, true, dst, src);
        return self();
    }

    public X64Assembler movss(Mem dst, Xmm src) {
        SseMoveInstructions.scalarStore(enc, true, dst, src);
        return self();
    }

    public X64Assembler movsd(Xmm dst, Xmm src) {
        SseMoveInstructions.scalarRR(enc, false, dst, src);
        return self();
    }

    public X64Assembler movsd(Xmm dst, Mem src) {
        SseMoveInstructions.scalarLoad(enc, false, dst, src);
        return self();
    }

    public X64Assembler movsd(Mem dst, Xmm src) {
        SseMoveInstructions.scalarStore(enc, false, dst, src);
        return self();
    }
    /** movd xmm, r32. */
    public X64Assembler movd(Xmm dst, Gpr src) {
        Encoder.requireBits(src, 32, "movd");
        SseMoveInstructions.toXmm(enc, dst, src);
        return self();
    }

    /** movd r32, xmm. */
    public X64Assembler movd(Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 32, "movd");
        SseMoveInstructions.toGpr(enc, dst, src);
        return self();
    }

    public X64Assembler movd(Xmm dst, Mem src) {
        SseMoveInstructions.movdLoad(enc, dst, src);
        return self();
    }

    public X64Assembler movd(Mem dst, Xmm src) {
        SseMoveInstructions.movdStore(enc, dst, src);
        return self();
    }

    /** movq xmm, r64. */
    public X64Assembler movq(Xmm dst, Gpr src) {
        Encoder.requireBits(src, 64, "movq");
        SseMoveInstructions.toXmm(enc, dst, src);
        return self();
    }

    /** movq r64, xmm. */
    public X64Assembler movq(Gpr dst, Xmm src) {
        Encoder.requireBits(dst, 64, "movq");
        SseMoveInstructions.toGpr(enc, dst, src);
        return self();
    }

    public X64Assembler movq(Xmm dst, Mem src) {
        SseMoveInstructions.movqLoad(enc, dst, src);
        return self();
    }

    public X64Assembler movq(Mem dst, Xmm src) {
        SseMoveInstructions.movqStore(enc, dst, src);
        return self();
    }

    /** movq xmm, xmm: copies the low 64 bits and clears the upper half. */
    public X64Assembler movq(Xmm dst, Xmm src) {
        SseMoveInstructions.movqRR(enc, dst, src);
        return self();
    }

    // ---- FMA3 (FmaOp) ----

    public X64Assembler fma(FmaOp op, Xmm a, Xmm b, Xmm c) {
        op.rrr(enc, a, b, c);
        return self();
    }

    public X64Assembler fma(FmaOp op, Xmm a, Xmm b, Mem c) {
        op.rrm(enc, a, b, c);
        return self();
    }

    public X64Assembler vfmadd132ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD132SS, a, b, c);
    }

    public X64Assembler vfmadd132ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD132SS, a, b, c);
    }

    public X64Assembler vfmadd132sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD132SD, a, b, c);
    }

    public X64Assembler vfmadd132sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD132SD, a, b, c);
    }

    public X64Assembler vfmadd213ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD213SS, a, b, c);
    }

    public X64Assembler vfmadd213ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD213SS, a, b, c);
    }

    public X64Assembler vfmadd213sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD213SD, a, b, c);
    }

    public X64Assembler vfmadd213sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD213SD, a, b, c);
    }

    public X64Assembler vfmadd231ss(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD231SS, a, b, c);
    }

    public X64Assembler vfmadd231ss(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD231SS, a, b, c);
    }

    public X64Assembler vfmadd231sd(Xmm a, Xmm b, Xmm c) {
        return fma(FmaOp.VFMADD231SD, a, b, c);
    }

    public X64Assembler vfmadd231sd(Xmm a, Xmm b, Mem c) {
        return fma(FmaOp.VFMADD231SD, a, b, c);
    }
}
