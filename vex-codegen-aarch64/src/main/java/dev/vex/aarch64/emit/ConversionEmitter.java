package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.W16;
import static dev.vex.aarch64.asm.Reg.X16;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.VReg;
import dev.vex.aarch64.isel.A64Inst;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Conversions between integers and floats, and bit casts between the register files.
 *
 * <p>Integer to float: SCVTF/UCVTF from a W or X register round once, as CLIF asks; a signed i8
 * or i16 is sign-extended into w16 first (values are kept zero-extended).
 *
 * <p>Float to integer: FCVTZS/FCVTZU already truncate and saturate at the bounds of a W or X
 * register, and give 0 for a NaN, which is CLIF's saturating conversion for i32 and i64; for i8
 * and i16 the 32-bit result is clamped to the narrow range. The trapping forms check first: a
 * NaN traps {@code bad_toint}; a value outside the range traps {@code int_ovf}. The bounds are
 * compared as floats of the operand's type (in the scratch v31): too large is
 * {@code a >= 2^(w-1)} (signed) or {@code 2^w} (unsigned); too small is {@code a <= -1}
 * (unsigned), {@code a <= -2^(w-1) - 1} when that is representable, else {@code a < -2^(w-1)}.
 */
final class ConversionEmitter {
    /** The allocator's float scratch, v31: free within one instruction. */
    private static final int SCRATCH = 31;

    private final FunctionEmitter e;
    private final A64Assembler asm;
    private final FloatEmitter floats;

    ConversionEmitter(FunctionEmitter e, FloatEmitter floats) {
        this.e = e;
        this.asm = e.asm;
        this.floats = floats;
    }

    void emit(A64Inst p) {
        Type rt = p.type();
        Type at = p.argType();
        switch (p.op()) {
            case FCVT_FROM_SINT -> {
                Reg a = e.r(1, at);
                if (at.bits() < 32) {
                    if (at.bits() == 8) {
                        asm.sxtb(W16, a);
                    } else {
                        asm.sxth(W16, a);
                    }
                    a = W16;
                }
                asm.scvtf(e.f(0, rt), a);
            }
            case FCVT_FROM_UINT -> asm.ucvtf(e.f(0, rt), e.r(1, at));
            case FCVT_TO_SINT, FCVT_TO_UINT -> trapping(p.op() == Opcode.FCVT_TO_SINT, rt, at);
            case FCVT_TO_SINT_SAT, FCVT_TO_UINT_SAT -> saturating(p.op() == Opcode.FCVT_TO_SINT_SAT, rt, at);
            case BITCAST -> {
                if (rt.isFloat()) {
                    asm.fmov(e.f(0, rt), e.r(1, at));
                } else {
                    asm.fmov(e.r(0, rt), e.f(1, at));
                }
            }
            default -> throw new IllegalStateException("not a conversion: " + p.op());
        }
    }

    private void convert(boolean signed, Reg d, VReg a) {
        if (signed) {
            asm.fcvtzs(d, a);
        } else {
            asm.fcvtzu(d, a);
        }
    }

    private void saturating(boolean signed, Type rt, Type at) {
        int w = rt.bits();
        VReg a = e.f(1, at);
        Reg d = e.r(0, rt);
        convert(signed, d, a);
        if (w >= 32) {
            return;
        }
        if (signed) {
            asm.mov(W16, (1L << (w - 1)) - 1);
            asm.cmp(d, W16);
            asm.csel(d, d, W16, Cond.LT);
            asm.mov(W16, -(1L << (w - 1)));
            asm.cmp(d, W16);
            asm.csel(d, d, W16, Cond.GT);
            e.canonical(e.x(0), w);
        } else {
            asm.mov(W16, (1L << w) - 1);
            asm.cmp(d, W16);
            asm.csel(d, d, W16, Cond.LO);
        }
    }

    private void trapping(boolean signed, Type rt, Type at) {
        int w = rt.bits();
        VReg a = e.f(1, at);
        VReg bound = at == Type.F32 ? VReg.s(SCRATCH) : VReg.d(SCRATCH);
        asm.fcmp(a, a);
        asm.bcond(Cond.VS, e.trap(TrapCode.BAD_CONVERSION_TO_INTEGER));
        double high = signed ? Math.scalb(1.0, w - 1) : Math.scalb(1.0, w);
        floats.constant(bound, at, bitsOf(at, high));
        asm.fcmp(a, bound);
        asm.bcond(Cond.GE, e.trap(TrapCode.INTEGER_OVERFLOW));
        if (!signed) {
            floats.constant(bound, at, bitsOf(at, -1.0));
            asm.fcmp(a, bound);
            asm.bcond(Cond.LE, e.trap(TrapCode.INTEGER_OVERFLOW));
        } else {
            double min = -Math.scalb(1.0, w - 1);
            double belowMin = min - 1;
            boolean exact = at == Type.F32 ? (double) (float) belowMin == belowMin : w <= 53;
            floats.constant(bound, at, bitsOf(at, exact ? belowMin : min));
            asm.fcmp(a, bound);
            asm.bcond(exact ? Cond.LE : Cond.LT, e.trap(TrapCode.INTEGER_OVERFLOW));
        }
        Reg d = e.r(0, rt);
        convert(signed, d, a);
        if (signed) {
            e.narrow(e.x(0), w);
        }
    }

    private static long bitsOf(Type t, double value) {
        return t == Type.F32 ? Float.floatToRawIntBits((float) value) & 0xffff_ffffL : Double.doubleToRawLongBits(value);
    }
}
