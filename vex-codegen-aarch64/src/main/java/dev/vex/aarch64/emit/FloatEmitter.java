package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.W16;
import static dev.vex.aarch64.asm.Reg.W17;
import static dev.vex.aarch64.asm.Reg.X16;
import static dev.vex.aarch64.asm.Reg.X17;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.FloatingPointInstructions;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.VReg;
import dev.vex.aarch64.isel.A64Inst;
import dev.vex.code.Label;
import dev.vex.ir.FloatCC;
import dev.vex.ir.Type;

/**
 * Scalar f32/f64 operations of {@link FunctionEmitter}: constants, arithmetic, min/max, rounding,
 * fused multiply-add, sign operations, comparisons and selects.
 *
 * <p>AArch64 already has CLIF's semantics for most of them: FMIN/FMAX return a NaN when either
 * operand is one and order -0.0 below +0.0; FRINTP/M/Z/N are ceil, floor, trunc and nearest
 * (ties to even); FNEG and FABS touch only the sign bit, so a NaN's payload survives them. With
 * FPCR.DN clear (Linux's default) a NaN result is an operand's NaN quietened, or the positive
 * default NaN, which is the interpreter's canonical NaN. Where the hardware's choice can differ
 * from the interpreter's (a signalling NaN after a quiet one; FMADD looks at the addend first),
 * NaN canonicalization ({@link FunctionEmitter#nanCanonicalization}) rewrites a NaN result as the
 * first NaN operand quietened.
 *
 * <p>FCMP sets NZCV to 0110 (equal), 1000 (less), 0010 (greater) or 0011 (unordered); each
 * {@link FloatCC} is one condition on those flags, except {@code one} and {@code ueq}, which
 * take a CSET and a CSINC.
 */
final class FloatEmitter {
    private final FunctionEmitter e;
    private final A64Assembler asm;

    FloatEmitter(FunctionEmitter e) {
        this.e = e;
        this.asm = e.asm;
    }

    void emit(A64Inst p) {
        Type t = p.type();
        switch (p.op()) {
            case F32CONST, F64CONST -> constant(e.f(0, t), t, p.imm());
            case FADD, FSUB, FMUL, FDIV, FMIN, FMAX -> {
                VReg d = e.f(0, t);
                VReg a = e.f(1, t);
                VReg b = e.f(2, t);
                switch (p.op()) {
                    case FADD -> asm.fadd(d, a, b);
                    case FSUB -> asm.fsub(d, a, b);
                    case FMUL -> asm.fmul(d, a, b);
                    case FDIV -> asm.fdiv(d, a, b);
                    case FMIN -> asm.fmin(d, a, b);
                    default -> asm.fmax(d, a, b);
                }
                canonicalizeNaN(t, d, a, b, null);
            }
            case FMA -> {
                VReg d = e.f(0, t);
                asm.fmadd(d, e.f(1, t), e.f(2, t), e.f(3, t));
                canonicalizeNaN(t, d, e.f(1, t), e.f(2, t), e.f(3, t));
            }
            case SQRT, CEIL, FLOOR, TRUNC, NEAREST -> {
                VReg d = e.f(0, t);
                VReg a = e.f(1, t);
                switch (p.op()) {
                    case SQRT -> asm.fsqrt(d, a);
                    case CEIL -> asm.frintp(d, a);
                    case FLOOR -> asm.frintm(d, a);
                    case TRUNC -> asm.frintz(d, a);
                    default -> asm.frintn(d, a);
                }
                canonicalizeNaN(t, d, a, null, null);
            }
            case FNEG -> asm.fneg(e.f(0, t), e.f(1, t));
            case FABS -> asm.fabs(e.f(0, t), e.f(1, t));
            case FCOPYSIGN -> copySign(t);
            case FCMP -> compare(FloatCC.values()[p.aux()], t);
            case FPROMOTE -> asm.fcvt(e.f(0, Type.F64), e.f(1, Type.F32));
            case FDEMOTE -> asm.fcvt(e.f(0, Type.F32), e.f(1, Type.F64));
            case SELECT -> {
                asm.cmp(e.x(1), 0);
                asm.fcsel(e.f(0, t), e.f(2, t), e.f(3, t), Cond.NE);
            }
            default -> throw new IllegalStateException("not a float operation: " + p.op());
        }
    }

    /** The float with IEEE bits {@code bits} into {@code d}: from zero, an FMOV immediate or x16. */
    void constant(VReg d, Type t, long bits) {
        boolean single = t == Type.F32;
        Reg zr = single ? Reg.WZR : Reg.XZR;
        if (bits == 0) {
            asm.fmov(d, zr);
            return;
        }
        double value = single ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        if (FloatingPointInstructions.fpImmediate(value) >= 0) {
            asm.fmov(d, value);
            return;
        }
        Reg tmp = single ? W16 : X16;
        asm.mov(tmp, bits);
        asm.fmov(d, tmp);
    }

    /** The magnitude of operand 1 with the sign of operand 2, on the bits in x16/x17. */
    private void copySign(Type t) {
        boolean single = t == Type.F32;
        Reg a = single ? W16 : X16;
        Reg b = single ? W17 : X17;
        int top = t.bits() - 1;
        asm.fmov(a, e.f(1, t));
        asm.fmov(b, e.f(2, t));
        asm.lsr(b, b, top);
        asm.bfi(a, b, top, 1);
        asm.fmov(e.f(0, t), a);
    }

    private void compare(FloatCC cc, Type t) {
        asm.fcmp(e.f(1, t), e.f(2, t));
        Reg d = e.x(0).withSize(false);
        switch (cc) {
            case ONE -> { // less or greater
                asm.cset(d, Cond.GT);
                asm.csinc(d, d, Reg.WZR, Cond.PL);
            }
            case UEQ -> { // unordered or equal
                asm.cset(d, Cond.EQ);
                asm.csinc(d, d, Reg.WZR, Cond.VC);
            }
            default -> asm.cset(d, cond(cc));
        }
    }

    /** The one condition on FCMP's flags that holds exactly for {@code cc} ({@code one}, {@code ueq} have none). */
    static Cond cond(FloatCC cc) {
        return switch (cc) {
            case ORD -> Cond.VC;
            case UNO -> Cond.VS;
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case LT -> Cond.MI;
            case LE -> Cond.LS;
            case GT -> Cond.GT;
            case GE -> Cond.GE;
            case ULT -> Cond.LT;
            case ULE -> Cond.LE;
            case UGT -> Cond.HI;
            case UGE -> Cond.HS;
            case ONE, UEQ -> throw new IllegalArgumentException(cc + " takes two conditions");
        };
    }

    /**
     * With NaN canonicalization on: if {@code d} is a NaN, makes it the first NaN among the
     * operands ({@code b} and {@code c} may be null), quietened; if none is a NaN the hardware's
     * default NaN stands, which is already the canonical one. {@code d} is an early def, so the
     * operands are intact.
     */
    private void canonicalizeNaN(Type t, VReg d, VReg a, VReg b, VReg c) {
        if (!e.nanCanonicalization) {
            return;
        }
        Label done = new Label();
        asm.fcmp(d, d);
        asm.bcond(Cond.VC, done);
        VReg[] ops = {a, b, c};
        for (VReg o : ops) {
            if (o == null) {
                continue;
            }
            Label next = new Label();
            asm.fcmp(o, o);
            asm.bcond(Cond.VC, next);
            Reg bits = t == Type.F32 ? W16 : X16;
            asm.fmov(bits, o);
            asm.orr(bits, bits, t == Type.F32 ? 1L << 22 : 1L << 51);
            asm.fmov(d, bits);
            asm.b(done);
            asm.bind(next);
        }
        asm.bind(done);
    }
}
