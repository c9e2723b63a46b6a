package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Xmm.XMM15;

import dev.vex.code.Label;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.x64.asm.BitTestOp;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;
import dev.vex.x64.isel.X64Inst;

/**
 * Conversions between floats and integers, float widths, and bit casts across register files.
 *
 * <p>Float to integer: a NaN is caught first (parity), then the operand is compared against the
 * exact float bounds of the target range, so the conversion proper only ever sees values whose
 * truncation fits: {@code a >= 2^(w-1)} (signed) or {@code 2^w} (unsigned) is too large;
 * {@code a <= -2^(w-1) - 1} (or {@code a < -2^(w-1)} where that bound is not representable) or
 * {@code a <= -1} (unsigned) too small. Trapping forms branch to the {@code bad_toint} and
 * {@code int_ovf} stubs; saturating forms produce 0, the maximum or the minimum.
 */
final class ConversionEmitter {
    private final FunctionEmitter fe;
    private final X64Assembler asm;
    private final FloatEmitter floats;

    ConversionEmitter(FunctionEmitter fe) {
        this.fe = fe;
        this.asm = fe.asm;
        this.floats = new FloatEmitter(fe);
    }

    void emit(X64Inst p) {
        Type rt = p.type();
        Type at = p.argType();
        switch (p.op()) {
            case FPROMOTE -> asm.cvtss2sd(fe.x(0), fe.x(1));
            case FDEMOTE -> asm.cvtsd2ss(fe.x(0), fe.x(1));
            case BITCAST -> {
                if (rt == Type.F16) {
                    fe.halfs.fromInt(fe.x(0), fe.g64(1));
                } else if (at == Type.F16) {
                    fe.halfs.toInt(fe.g64(0), fe.x(1));
                } else if (rt == Type.F32) {
                    asm.movd(fe.x(0), fe.g(1, 32));
                } else if (rt == Type.F64) {
                    asm.movq(fe.x(0), fe.g64(1));
                } else if (rt == Type.I32) {
                    asm.movd(fe.g(0, 32), fe.x(1));
                } else {
                    asm.movq(fe.g64(0), fe.x(1));
                }
            }
            case FCVT_FROM_SINT -> {
                Gpr a = fe.g64(1);
                switch (at.bits()) {
                    case 64 -> asm.mov(R11, a);
                    case 32 -> asm.movsxd(R11, a.withBits(32));
                    default -> asm.movsx(R11, a.withBits(at.bits()));
                }
                fromInt64(rt, fe.x(0), R11);
            }
            case FCVT_FROM_UINT -> {
                Xmm d = fe.x(0);
                Gpr a = fe.g64(1);
                if (at.bits() < 64) {
                    fromInt64(rt, d, a);
                    return;
                }
                Label big = asm.newLabel();
                Label done = asm.newLabel();
                asm.test(a, a);
                asm.jcc(Cond.S, big);
                fromInt64(rt, d, a);
                asm.jmp(done);
                asm.bind(big);
                // Halve with the lost bit kept as a sticky bit, convert, double: one rounding.
                Label even = asm.newLabel();
                asm.mov(R11, a).shr(R11, 1);
                asm.jcc(Cond.AE, even);
                asm.or(R11, 1);
                asm.bind(even);
                fromInt64(rt, d, R11);
                floats.add(rt, d, d);
                asm.bind(done);
            }
            case FCVT_TO_SINT, FCVT_TO_UINT, FCVT_TO_SINT_SAT, FCVT_TO_UINT_SAT -> toInt(p);
            default -> throw new IllegalStateException("x64 emit: unexpected " + p.op().text());
        }
    }

    private void fromInt64(Type rt, Xmm d, Gpr src) {
        asm.xorps(d, d);
        if (rt == Type.F32) {
            asm.cvtsi2ss(d, src);
        } else {
            asm.cvtsi2sd(d, src);
        }
    }

    private void truncate(Type from, Gpr d, Xmm a) {
        if (from == Type.F32) {
            asm.cvttss2si(d, a);
        } else {
            asm.cvttsd2si(d, a);
        }
    }

    private void toInt(X64Inst p) {
        Type f = p.argType();
        int w = p.type().bits();
        boolean signed = p.op() == Opcode.FCVT_TO_SINT || p.op() == Opcode.FCVT_TO_SINT_SAT;
        boolean sat = p.op() == Opcode.FCVT_TO_SINT_SAT || p.op() == Opcode.FCVT_TO_UINT_SAT;
        Gpr d = fe.g64(0);
        Xmm a = fe.x(1);
        Label done = asm.newLabel();
        Label nan = sat ? asm.newLabel() : fe.trap(TrapCode.BAD_CONVERSION_TO_INTEGER);
        Label hi = sat ? asm.newLabel() : fe.trap(TrapCode.INTEGER_OVERFLOW);
        Label lo = sat ? asm.newLabel() : hi;
        floats.ucomis(f, a, a);
        asm.jcc(Cond.P, nan);
        floats.loadDouble(XMM15, f, Math.scalb(1.0, signed ? w - 1 : w));
        floats.ucomis(f, a, XMM15);
        asm.jcc(Cond.AE, hi);
        if (signed) {
            boolean exact = w <= (f == Type.F32 ? 24 : 53);
            double min = -Math.scalb(1.0, w - 1);
            floats.loadDouble(XMM15, f, exact ? min - 1 : min);
            floats.ucomis(f, a, XMM15);
            asm.jcc(exact ? Cond.BE : Cond.B, lo);
        } else {
            floats.loadDouble(XMM15, f, -1.0);
            floats.ucomis(f, a, XMM15);
            asm.jcc(Cond.BE, lo);
        }
        if (signed) {
            truncate(f, w == 64 ? d : d.withBits(32), a);
            if (w < 32) {
                fe.canonical(d, w);
            }
        } else if (w <= 32) {
            truncate(f, d, a);
        } else {
            Label big = asm.newLabel();
            floats.loadDouble(XMM15, f, 0x1p63);
            floats.ucomis(f, a, XMM15);
            asm.jcc(Cond.AE, big);
            truncate(f, d, a);
            asm.jmp(done);
            asm.bind(big);
            // 2^63 - a is exact here; truncate it, negate, and add 2^63 back by flipping bit 63.
            if (f == Type.F32) {
                asm.subss(XMM15, a);
            } else {
                asm.subsd(XMM15, a);
            }
            truncate(f, d, XMM15);
            asm.neg(d).bitTest(BitTestOp.BTC, d, 63);
        }
        if (sat) {
            asm.jmp(done);
            asm.bind(nan);
            asm.xor(d.withBits(32), d.withBits(32));
            asm.jmp(done);
            asm.bind(hi);
            asm.mov(d, signed ? (w == 64 ? Long.MAX_VALUE : (1L << (w - 1)) - 1) : p.type().mask());
            asm.jmp(done);
            asm.bind(lo);
            if (signed) {
                asm.mov(d, (-1L << (w - 1)) & p.type().mask());
            } else {
                asm.xor(d.withBits(32), d.withBits(32));
            }
        }
        asm.bind(done);
    }
}
