package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Xmm.XMM15;

import dev.vex.code.Label;
import dev.vex.ir.FloatCC;
import dev.vex.ir.Type;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.CpuFeature;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;
import dev.vex.x64.isel.X64Inst;

/**
 * Float arithmetic with SSE. With NaN canonicalization on ({@link FunctionEmitter#nanCanonicalization})
 * it follows the interpreter's NaN rule ({@code dev.vex.interp.FloatBits}) bit for bit: a NaN
 * operand comes back quietened, first NaN operand first, which is what SSE's two-operand forms
 * already do when the first source is the destination; a NaN made from non-NaN operands must be
 * the positive canonical NaN, where x86 produces the negative "indefinite" one, so every
 * operation that can create a NaN checks its result ({@code ucomis r, r}, parity set on NaN) and,
 * when no operand was a NaN, replaces it. With it off (the default) those checks are left out:
 * a NaN result is still a NaN, with the sign and payload the hardware gives.
 */
final class FloatEmitter {
    private static final FloatCC[] FLOAT_CCS = FloatCC.values();

    private final FunctionEmitter fe;
    private final X64Assembler asm;

    FloatEmitter(FunctionEmitter fe) {
        this.fe = fe;
        this.asm = fe.asm;
    }

    void emit(X64Inst p) {
        Type t = p.type();
        boolean s = t == Type.F32;
        switch (p.op()) {
            case F32CONST, F64CONST -> {
                Xmm d = fe.x(0);
                if (p.imm() == 0) {
                    asm.xorps(d, d);
                } else {
                    loadConst(d, t, p.imm());
                }
            }
            case FADD, FSUB, FMUL, FDIV -> {
                Xmm d = fe.x(0);
                Xmm a = fe.x(1);
                Xmm b = fe.x(2);
                asm.movaps(d, a);
                switch (p.op()) {
                    case FADD -> { if (s) { asm.addss(d, b); } else { asm.addsd(d, b); } }
                    case FSUB -> { if (s) { asm.subss(d, b); } else { asm.subsd(d, b); } }
                    case FMUL -> { if (s) { asm.mulss(d, b); } else { asm.mulsd(d, b); } }
                    default -> { if (s) { asm.divss(d, b); } else { asm.divsd(d, b); } }
                }
                if (!fe.nanCanonicalization) {
                    return;
                }
                Label done = asm.newLabel();
                ucomis(t, d, d);
                asm.jcc(Cond.NP, done);
                ucomis(t, a, b);
                asm.jcc(Cond.P, done);
                canonicalNaN(d, t);
                asm.bind(done);
            }
            case SQRT -> {
                Xmm d = fe.x(0);
                Xmm a = fe.x(1);
                if (s) {
                    asm.sqrtss(d, a);
                } else {
                    asm.sqrtsd(d, a);
                }
                if (!fe.nanCanonicalization) {
                    return;
                }
                Label done = asm.newLabel();
                ucomis(t, d, d);
                asm.jcc(Cond.NP, done);
                ucomis(t, a, a);
                asm.jcc(Cond.P, done);
                canonicalNaN(d, t);
                asm.bind(done);
            }
            case FMA -> {
                Xmm d = fe.x(0);
                asm.movaps(d, fe.x(3));
                if (s) {
                    asm.vfmadd231ss(d, fe.x(1), fe.x(2));
                } else {
                    asm.vfmadd231sd(d, fe.x(1), fe.x(2));
                }
                if (fe.nanCanonicalization) {
                    nanFix3(t, d, fe.x(1), fe.x(2), fe.x(3));
                }
            }
            case FNEG, FABS -> {
                long sign = s ? 0x8000_0000L : Long.MIN_VALUE;
                long mask = p.op() == dev.vex.ir.Opcode.FNEG ? sign : (s ? 0x7fff_ffffL : Long.MAX_VALUE);
                loadConst(XMM15, t, mask);
                if (p.op() == dev.vex.ir.Opcode.FNEG) {
                    asm.xorps(fe.x(0), XMM15);
                } else {
                    asm.andps(fe.x(0), XMM15);
                }
            }
            case FCOPYSIGN -> {
                Xmm d = fe.x(0);
                if (s) {
                    Gpr tmp = fe.g(3, 32);
                    Gpr r = R11.withBits(32);
                    asm.movd(tmp, fe.x(1)).and(tmp, 0x7fff_ffff);
                    asm.movd(r, fe.x(2)).and(r, 0x8000_0000).or(tmp, r).movd(d, tmp);
                } else {
                    Gpr tmp = fe.g64(3);
                    asm.movq(tmp, fe.x(1)).bitTest(dev.vex.x64.asm.BitTestOp.BTR, tmp, 63);
                    asm.movq(R11, fe.x(2)).shr(R11, 63).shl(R11, 63).or(tmp, R11).movq(d, tmp);
                }
            }
            case FMIN, FMAX -> minMax(t, p.op() == dev.vex.ir.Opcode.FMIN);
            case CEIL, FLOOR, TRUNC, NEAREST -> round(p);
            case FCMP -> compare(t, FLOAT_CCS[p.aux()]);
            default -> throw new IllegalStateException("x64 emit: unexpected " + p.op().text());
        }
    }

    void select() {
        Gpr c = fe.g64(1);
        Label skip = asm.newLabel();
        asm.test(c, c);
        asm.jcc(Cond.E, skip);
        asm.movaps(fe.x(0), fe.x(2));
        asm.bind(skip);
    }

    void ucomis(Type t, Xmm a, Xmm b) {
        if (t == Type.F32) {
            asm.ucomiss(a, b);
        } else {
            asm.ucomisd(a, b);
        }
    }

    void loadConst(Xmm d, Type t, long bits) {
        asm.mov(R11, bits);
        if (t == Type.F32) {
            asm.movd(d, R11.withBits(32));
        } else {
            asm.movq(d, R11);
        }
    }

    void loadDouble(Xmm d, Type t, double value) {
        loadConst(d, t, t == Type.F32 ? Float.floatToRawIntBits((float) value) & 0xffff_ffffL
                : Double.doubleToRawLongBits(value));
    }

    private void canonicalNaN(Xmm d, Type t) {
        loadConst(d, t, t == Type.F32 ? 0x7fc0_0000L : 0x7ff8_0000_0000_0000L);
    }

    void add(Type t, Xmm d, Xmm b) {
        if (t == Type.F32) {
            asm.addss(d, b);
        } else {
            asm.addsd(d, b);
        }
    }

    /** If {@code d} is a NaN: the first NaN of a, b, c quietened, or the canonical NaN if none is. */
    void nanFix3(Type t, Xmm d, Xmm a, Xmm b, Xmm c) {
        Label done = asm.newLabel();
        ucomis(t, d, d);
        asm.jcc(Cond.NP, done);
        Xmm[] ops = {a, b, c};
        for (Xmm o : ops) {
            Label next = asm.newLabel();
            ucomis(t, o, o);
            asm.jcc(Cond.NP, next);
            asm.movaps(d, o);
            add(t, d, d);
            asm.jmp(done);
            asm.bind(next);
        }
        canonicalNaN(d, t);
        asm.bind(done);
    }

    private void minMax(Type t, boolean min) {
        Xmm d = fe.x(0);
        Xmm a = fe.x(1);
        Xmm b = fe.x(2);
        Label nan = asm.newLabel();
        Label ne = asm.newLabel();
        Label done = asm.newLabel();
        ucomis(t, a, b);
        asm.jcc(Cond.P, nan);
        asm.jcc(Cond.NE, ne);
        // Equal: the same value, or zeros of either sign (min prefers -0, max +0).
        asm.movaps(d, a);
        if (min) {
            asm.orps(d, b);
        } else {
            asm.andps(d, b);
        }
        asm.jmp(done);
        asm.bind(ne);
        asm.movaps(d, a);
        if (t == Type.F32) {
            if (min) {
                asm.minss(d, b);
            } else {
                asm.maxss(d, b);
            }
        } else if (min) {
            asm.minsd(d, b);
        } else {
            asm.maxsd(d, b);
        }
        asm.jmp(done);
        asm.bind(nan);
        asm.movaps(d, a);
        add(t, d, b); // SSE returns the first NaN operand, quietened
        asm.bind(done);
    }

    private void round(X64Inst p) {
        Type t = p.type();
        boolean s = t == Type.F32;
        Xmm d = fe.x(0);
        Xmm a = fe.x(1);
        int mode = switch (p.op()) {
            case NEAREST -> 0;
            case FLOOR -> 1;
            case CEIL -> 2;
            default -> 3;
        };
        if (asm.features().has(CpuFeature.SSE4_1)) {
            if (s) {
                asm.roundss(d, a, mode | 8);
            } else {
                asm.roundsd(d, a, mode | 8);
            }
            return;
        }
        // No SSE4.1: through a 64-bit integer when |a| < 2^23 (2^52), which is exact; larger
        // values, infinities and NaNs are integral already (a NaN is quietened).
        Label keep = asm.newLabel();
        Label done = asm.newLabel();
        Gpr tmp = s ? fe.g(2, 32) : fe.g64(2);
        if (s) {
            asm.movd(tmp, a).and(tmp, 0x7fff_ffff).cmp(tmp, 0x4b00_0000);
        } else {
            asm.movq(tmp, a).bitTest(dev.vex.x64.asm.BitTestOp.BTR, tmp, 63);
            asm.mov(R11, 0x4330_0000_0000_0000L).cmp(tmp, R11);
        }
        asm.jcc(Cond.AE, keep);
        if (mode == 0) {
            if (s) {
                asm.cvtss2si(R11, a);
            } else {
                asm.cvtsd2si(R11, a);
            }
        } else if (s) {
            asm.cvttss2si(R11, a);
        } else {
            asm.cvttsd2si(R11, a);
        }
        asm.xorps(d, d);
        if (s) {
            asm.cvtsi2ss(d, R11);
        } else {
            asm.cvtsi2sd(d, R11);
        }
        if (mode == 1 || mode == 2) {
            Label ok = asm.newLabel();
            ucomis(t, d, a);
            asm.jcc(mode == 1 ? Cond.BE : Cond.AE, ok);
            loadDouble(XMM15, t, mode == 1 ? -1.0 : 1.0);
            add(t, d, XMM15);
            asm.bind(ok);
        }
        // The result has the sign of the operand (ceil(-0.5) is -0.0).
        if (s) {
            asm.movd(tmp, d).movd(R11.withBits(32), a).and(R11.withBits(32), 0x8000_0000)
                    .or(tmp, R11.withBits(32)).movd(d, tmp);
        } else {
            asm.movq(tmp, d).movq(R11, a).shr(R11, 63).shl(R11, 63).or(tmp, R11).movq(d, tmp);
        }
        asm.jmp(done);
        asm.bind(keep);
        asm.movaps(d, a);
        ucomis(t, a, a);
        asm.jcc(Cond.NP, done);
        add(t, d, d);
        asm.bind(done);
    }

    private void compare(Type t, FloatCC cc) {
        Xmm a = fe.x(1);
        Xmm b = fe.x(2);
        Gpr d = fe.g(0, 8);
        Gpr r = R11.withBits(8);
        switch (cc) {
            case EQ -> {
                ucomis(t, a, b);
                asm.setcc(Cond.E, d).setcc(Cond.NP, r).and(d, r);
            }
            case NE -> {
                ucomis(t, a, b);
                asm.setcc(Cond.NE, d).setcc(Cond.P, r).or(d, r);
            }
            default -> asm.setcc(compareForOneFlag(t, cc, a, b), d);
        }
        asm.movzx(d.withBits(32), d);
    }

    /**
     * For every condition but {@code eq} and {@code ne}: compares {@code a} and {@code b} (in the
     * order that makes one flag test enough) and returns the condition code that then holds
     * exactly when {@code cc} does. ucomis sets ZF, PF and CF all for unordered, CF for less, ZF
     * for equal.
     */
    Cond compareForOneFlag(Type t, FloatCC cc, Xmm a, Xmm b) {
        boolean swap = switch (cc) {
            case LT, LE, UGT, UGE -> true;
            default -> false;
        };
        ucomis(t, swap ? b : a, swap ? a : b);
        return switch (cc) {
            case LT, GT -> Cond.A;
            case LE, GE -> Cond.AE;
            case ULT, UGT -> Cond.B;
            case ULE, UGE -> Cond.BE;
            case ORD -> Cond.NP;
            case UNO -> Cond.P;
            case ONE -> Cond.NE;
            case UEQ -> Cond.E;
            default -> throw new IllegalArgumentException(cc.toString());
        };
    }
}
