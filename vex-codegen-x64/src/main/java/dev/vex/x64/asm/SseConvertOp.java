package dev.vex.x64.asm;

import static dev.vex.x64.asm.Encoder.PF2;
import static dev.vex.x64.asm.Encoder.PF3;
import static dev.vex.x64.asm.Encoder.W;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conversions between general-purpose registers and scalar floats. The integer side is 32 or 64
 * bits (REX.W); the float side is ss (F3) or sd (F2). cvtsi2ss/sd write an xmm register;
 * cvttss2si/cvttsd2si (truncating) and cvtss2si/cvtsd2si (current rounding mode) write a
 * general-purpose register.
 */
public enum SseConvertOp {
    CVTSI2SS(PF3, 0x0F2A, true), CVTSI2SD(PF2, 0x0F2A, true),
    CVTTSS2SI(PF3, 0x0F2C, false), CVTTSD2SI(PF2, 0x0F2C, false),
    CVTSS2SI(PF3, 0x0F2D, false), CVTSD2SI(PF2, 0x0F2D, false);

    /** Whether the destination is an xmm register (int to float). */
    final boolean toXmm;
    final String mnemonic;
    /** The 32-bit and the 64-bit (REX.W) integer side. */
    private final Encoding w0;
    private final Encoding w1;
    /** The width of the float side: 32 (ss) or 64 (sd). */
    private final int floatBits;

    SseConvertOp(int prefix, int opcode, boolean toXmm) {
        this.toXmm = toXmm;
        this.mnemonic = name().toLowerCase(Locale.ROOT);
        this.floatBits = prefix == PF3 ? 32 : 64;
        Operand flt = prefix == PF3 ? Operand.XMM_M32 : Operand.XMM_M64;
        this.w0 = toXmm
            ? Encoding.legacy("sse-convert", mnemonic, Format.RM, prefix, opcode, Encoding.REG, Operand.XMM, Operand.RM32)
            : Encoding.legacy("sse-convert", mnemonic, Format.RM, prefix, opcode, Encoding.REG, Operand.R32, flt);
        this.w1 = toXmm
            ? Encoding.legacy("sse-convert", mnemonic, Format.RM, prefix | W, opcode, Encoding.REG, Operand.XMM, Operand.RM64)
            : Encoding.legacy("sse-convert", mnemonic, Format.RM, prefix | W, opcode, Encoding.REG, Operand.R64, flt);
    }

    static List<Encoding> rows() {
        List<Encoding> all = new ArrayList<>();
        for (SseConvertOp op : values()) {
            all.add(op.w0);
            all.add(op.w1);
        }
        return all;
    }

    /** Whether the destination is an xmm register (int to float) rather than a general-purpose one. */
    public boolean toXmm() {
        return toXmm;
    }

    private void direction(boolean wantToXmm) {
        if (toXmm != wantToXmm) {
            throw new X64EncodingException(mnemonic + (toXmm ? " writes an xmm register" : " writes a general-purpose register"));
        }
    }

    /** int to float from a register. */
    void xr(Encoder e, Xmm dst, Gpr src) {
        direction(true);
        Encoder.requireBits(src, 32 | 64, mnemonic);
        e.rr(src.bits == 64 ? w1 : w0, 0, dst.number, src.number);
    }

    /** int to float from memory; the operand's width (dword or qword) says which integer. */
    void xm(Encoder e, Xmm dst, Mem src) {
        direction(true);
        int bits = Encoder.explicitBits(src, mnemonic);
        if (bits != 32 && bits != 64) {
            throw new X64EncodingException(mnemonic + " reads a dword or a qword, not " + bits + " bits");
        }
        e.rm(bits == 64 ? w1 : w0, 0, dst.number, src);
    }

    /** float to int from a register. */
    void rx(Encoder e, Gpr dst, Xmm src) {
        direction(false);
        Encoder.requireBits(dst, 32 | 64, mnemonic);
        e.rr(dst.bits == 64 ? w1 : w0, 0, dst.number, src.number);
    }

    /** float to int from memory (a float of the ss or sd width). */
    void rm(Encoder e, Gpr dst, Mem src) {
        direction(false);
        Encoder.requireBits(dst, 32 | 64, mnemonic);
        Encoder.memBits(src, floatBits);
        e.rm(dst.bits == 64 ? w1 : w0, 0, dst.number, src);
    }
}
