package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.W16;
import static dev.vex.aarch64.asm.Reg.W17;
import static dev.vex.aarch64.asm.Reg.X16;
import static dev.vex.aarch64.asm.Reg.X17;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.asm.VReg;
import dev.vex.aarch64.isel.A64Inst;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * The integer operations of {@link FunctionEmitter}: arithmetic, logic, shifts, division with its
 * trap checks, comparisons, selects and extensions. Operands are canonical (zero-extended from
 * their width); an operation works in W registers up to 32 bits and in X registers at 64, and an
 * i8 or i16 result that may have bits above its width is re-extended. Signed i8/i16 operations
 * (signed division and shifts, signed comparisons) first sign-extend their inputs into w16/w17.
 */
final class IntegerEmitter {
    private final FunctionEmitter e;
    private final A64Assembler asm;

    IntegerEmitter(FunctionEmitter e) {
        this.e = e;
        this.asm = e.asm;
    }

    static Cond cond(IntCC cc) {
        return switch (cc) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case SLT -> Cond.LT;
            case SGE -> Cond.GE;
            case SGT -> Cond.GT;
            case SLE -> Cond.LE;
            case ULT -> Cond.LO;
            case UGE -> Cond.HS;
            case UGT -> Cond.HI;
            case ULE -> Cond.LS;
        };
    }

    private static boolean isSigned(IntCC cc) {
        return cc == IntCC.SLT || cc == IntCC.SGE || cc == IntCC.SGT || cc == IntCC.SLE;
    }

    /** Sign-extends the narrow (8 or 16 bit) value in {@code src} into the W register {@code d}. */
    private void signExtend(Reg d, Reg src, int bits) {
        if (bits == 8) {
            asm.sxtb(d, src.withSize(false));
        } else {
            asm.sxth(d, src.withSize(false));
        }
    }

    void emit(A64Inst p) {
        Type t = p.type();
        int bits = t.bits();
        switch (p.op()) {
            case ICONST -> asm.mov(e.x(0), p.imm());
            case IADD -> {
                asm.add(e.r(0, t), e.r(1, t), e.r(2, t));
                e.narrow(e.x(0), bits);
            }
            case ISUB -> {
                asm.sub(e.r(0, t), e.r(1, t), e.r(2, t));
                e.narrow(e.x(0), bits);
            }
            case IMUL -> {
                asm.mul(e.r(0, t), e.r(1, t), e.r(2, t));
                e.narrow(e.x(0), bits);
            }
            case BAND -> asm.and(e.r(0, t), e.r(1, t), e.r(2, t));
            case BOR -> asm.orr(e.r(0, t), e.r(1, t), e.r(2, t));
            case BXOR -> asm.eor(e.r(0, t), e.r(1, t), e.r(2, t));
            case BAND_NOT -> asm.bic(e.r(0, t), e.r(1, t), e.r(2, t));
            case BOR_NOT -> {
                asm.orn(e.r(0, t), e.r(1, t), e.r(2, t));
                e.narrow(e.x(0), bits);
            }
            case BXOR_NOT -> {
                asm.eon(e.r(0, t), e.r(1, t), e.r(2, t));
                e.narrow(e.x(0), bits);
            }
            case INEG -> {
                asm.neg(e.r(0, t), e.r(1, t));
                e.narrow(e.x(0), bits);
            }
            case BNOT -> {
                asm.mvn(e.r(0, t), e.r(1, t));
                e.narrow(e.x(0), bits);
            }
            case ISHL, USHR, SSHR -> shift(p.op(), t);
            case ROTL, ROTR -> rotate(p.op() == Opcode.ROTL, t);
            case SMIN, SMAX, UMIN, UMAX -> minMax(p.op(), t);
            case IABS -> {
                Reg a = e.r(1, t);
                if (bits < 32) {
                    signExtend(W16, a, bits);
                    a = W16;
                }
                asm.cmp(a, 0);
                asm.cneg(e.r(0, t), a, Cond.LT);
                e.narrow(e.x(0), bits);
            }
            case CLZ, CTZ, CLS, BITREV, BSWAP -> bits(p.op(), t);
            case ISHL_IMM, USHR_IMM, SSHR_IMM -> shiftImm(p.op(), t, (int) (p.imm() & (bits - 1)));
            case UMULHI, SMULHI -> mulHigh(p.op() == Opcode.SMULHI, t);
            case UDIV, SDIV, UREM, SREM -> divide(p, t);
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SMUL_OVERFLOW, UMUL_OVERFLOW -> {
                Cond overflowed = overflow(p.op(), t, 2);
                asm.cset(e.x(1).withSize(false), overflowed);
                e.narrow(e.x(0), bits);
            }
            case UADD_OVERFLOW_TRAP -> {
                asm.bcond(overflow(Opcode.UADD_OVERFLOW, t, 1), e.trap(p.trap()));
                e.narrow(e.x(0), bits);
            }
            case ICMP -> compare(IntCC.values()[p.aux()], t);
            case SELECT -> {
                asm.cmp(e.x(1), 0);
                asm.csel(e.x(0), e.x(2), e.x(3), Cond.NE);
            }
            case SEXTEND -> {
                int from = p.argType().bits();
                if (from == 32) {
                    asm.sxtw(e.x(0), e.x(1).withSize(false));
                } else if (bits == 64) {
                    if (from == 8) {
                        asm.sxtb(e.x(0), e.x(1).withSize(false));
                    } else {
                        asm.sxth(e.x(0), e.x(1).withSize(false));
                    }
                } else {
                    signExtend(e.x(0).withSize(false), e.x(1), from);
                    e.narrow(e.x(0), bits);
                }
            }
            case POPCNT -> {
                // No scalar popcount before FEAT_CSSC: count the bytes' ones in v31 (the
                // allocator's float scratch, free here) and add them up. The input is canonical.
                asm.fmov(VReg.D31, e.x(1));
                asm.cnt8b(VReg.D31, VReg.D31);
                asm.addv8b(VReg.D31, VReg.D31);
                asm.fmov(e.x(0).withSize(false), VReg.S31);
            }
            case BITSELECT -> {
                // (x & c) | (y & ~c): canonical inputs give a canonical result.
                asm.and(X16, e.x(2), e.x(1));
                asm.bic(X17, e.x(3), e.x(1));
                asm.orr(e.x(0), X16, X17);
            }
            case BMASK -> {
                asm.cmp(e.x(1), 0);
                asm.csetm(e.r(0, t), Cond.NE);
                e.narrow(e.x(0), bits);
            }
            case IREDUCE -> {
                Reg d = e.x(0).withSize(false);
                Reg s = e.x(1).withSize(false);
                switch (bits) {
                    case 8 -> asm.uxtb(d, s);
                    case 16 -> asm.uxth(d, s);
                    default -> asm.mov(d, s);
                }
            }
            default -> throw new IllegalStateException("aarch64 emit: " + p.op().text() + " was not selected");
        }
    }

    /**
     * Rotates by a register, the amount modulo the width. An i8 or i16 is first repeated across
     * 32 bits, so that a 32-bit rotate leaves the right bits in its low 8 or 16; a left rotate
     * is a right rotate by the negated amount.
     */
    private void rotate(boolean left, Type t) {
        int bits = t.bits();
        Reg d = e.r(0, t);
        Reg a = e.r(1, t);
        Reg amt = e.x(2).withSize(bits == 64);
        if (bits < 32) {
            Reg aw = a.withSize(false);
            asm.logicalShifted(dev.vex.aarch64.asm.Logical.ORR, W16, aw, aw, dev.vex.aarch64.asm.Shift.LSL, bits);
            if (bits == 8) {
                asm.logicalShifted(dev.vex.aarch64.asm.Logical.ORR, W16, W16, W16, dev.vex.aarch64.asm.Shift.LSL, 16);
            }
            a = W16;
        }
        if (left) {
            Reg n = bits == 64 ? Reg.X17 : W17;
            asm.neg(n, amt);
            amt = n;
        }
        asm.ror(d, a, amt);
        e.narrow(e.x(0), bits);
    }

    private void minMax(Opcode op, Type t) {
        int bits = t.bits();
        boolean signed = op == Opcode.SMIN || op == Opcode.SMAX;
        Reg a = e.r(1, t);
        Reg b = e.r(2, t);
        if (signed && bits < 32) {
            signExtend(W16, a, bits);
            signExtend(W17, b, bits);
            asm.cmp(W16, W17);
        } else {
            asm.cmp(a, b);
        }
        Cond pick = switch (op) {
            case SMIN -> Cond.LT;
            case SMAX -> Cond.GT;
            case UMIN -> Cond.LO;
            default -> Cond.HI;
        };
        asm.csel(e.x(0), e.x(1), e.x(2), pick);
    }

    /** Bit counts and reversals; an i8 or i16 works in a W register and corrects for the 32-bit width. */
    private void bits(Opcode op, Type t) {
        int bits = t.bits();
        Reg d = e.r(0, t);
        Reg a = e.r(1, t);
        int extra = bits < 32 ? 32 - bits : 0;
        switch (op) {
            case CLZ -> {
                asm.clz(d, a);
                if (extra > 0) {
                    asm.sub(d, d, extra);
                }
            }
            case CTZ -> {
                if (extra > 0) {
                    asm.orr(W16, a, 1L << bits); // caps the count at the width
                    a = W16;
                }
                asm.rbit(d, a);
                asm.clz(d, d);
            }
            case CLS -> {
                if (extra > 0) {
                    signExtend(W16, a, bits);
                    asm.cls(d, W16);
                    asm.sub(d, d, extra);
                } else {
                    asm.cls(d, a);
                }
            }
            case BITREV -> {
                asm.rbit(d, a);
                if (extra > 0) {
                    asm.lsr(d, d, extra);
                }
            }
            default -> {
                if (bits == 16) {
                    asm.rev16(d, a);
                    e.narrow(e.x(0), bits);
                } else if (bits == 8) {
                    asm.mov(d, a);
                } else {
                    asm.rev(d, a);
                }
            }
        }
    }

    /**
     * The value of an add, subtract or multiply into operand 0 (an early def) from operands
     * {@code first} and {@code first + 1}, with flags set so that the returned condition holds
     * exactly when it overflowed. At 32 and 64 bits adds and subs give the flags; an i8 or i16 is
     * computed at 32 bits (signed inputs sign-extended) and overflowed when the result differs
     * from its own extension from the type's width; a 32-bit multiply is done at 64 bits and
     * checked the same way, a 64-bit one by the high half.
     */
    private Cond overflow(Opcode op, Type t, int first) {
        int bits = t.bits();
        boolean signed = op == Opcode.SADD_OVERFLOW || op == Opcode.SSUB_OVERFLOW || op == Opcode.SMUL_OVERFLOW;
        Reg d = e.r(0, t);
        Reg a = e.r(first, t);
        Reg b = e.r(first + 1, t);
        boolean mul = op == Opcode.SMUL_OVERFLOW || op == Opcode.UMUL_OVERFLOW;
        boolean sub = op == Opcode.SSUB_OVERFLOW || op == Opcode.USUB_OVERFLOW;
        if (bits >= 32 && !mul) {
            if (sub) {
                asm.subs(d, a, b);
            } else {
                asm.adds(d, a, b);
            }
            return signed ? Cond.VS : sub ? Cond.LO : Cond.HS;
        }
        if (bits == 64) {
            asm.mul(d, a, b);
            if (signed) {
                asm.smulh(Reg.X17, a, b);
                asm.addSubShifted(dev.vex.aarch64.asm.AddSub.SUBS_SHIFTED, Reg.XZR, Reg.X17, d,
                        dev.vex.aarch64.asm.Shift.ASR, 63);
            } else {
                asm.umulh(Reg.X17, a, b);
                asm.cmp(Reg.X17, 0);
            }
            return Cond.NE;
        }
        if (bits == 32) {
            Reg dx = e.x(0);
            if (signed) {
                asm.smull(dx, a, b);
                asm.cmp(dx, d, dev.vex.aarch64.asm.Extend.SXTW, 0);
            } else {
                asm.umull(dx, a, b);
                asm.cmp(dx, d, dev.vex.aarch64.asm.Extend.UXTW, 0);
            }
            // The flags are set; the move that makes the result canonical leaves them alone.
            asm.mov(d, d);
            return Cond.NE;
        }
        if (signed) {
            signExtend(W16, a, bits);
            signExtend(W17, b, bits);
            a = W16;
            b = W17;
        }
        if (mul) {
            asm.mul(d, a, b);
        } else if (sub) {
            asm.sub(d, a, b);
        } else {
            asm.add(d, a, b);
        }
        dev.vex.aarch64.asm.Extend ext = signed
                ? (bits == 8 ? dev.vex.aarch64.asm.Extend.SXTB : dev.vex.aarch64.asm.Extend.SXTH)
                : (bits == 8 ? dev.vex.aarch64.asm.Extend.UXTB : dev.vex.aarch64.asm.Extend.UXTH);
        asm.cmp(d, d, ext, 0);
        return Cond.NE;
    }

    /** Shifts by a register: the amount taken modulo the width, as CLIF says. */
    private void shift(Opcode op, Type t) {
        int bits = t.bits();
        Reg d = e.r(0, t);
        Reg a = e.r(1, t);
        Reg amt = e.r(2, t);
        if (bits < 32) {
            asm.and(W17, amt.withSize(false), bits - 1);
            amt = W17;
            if (op == Opcode.SSHR) {
                signExtend(W16, a, bits);
                a = W16;
            }
        }
        switch (op) {
            case ISHL -> asm.lsl(d, a, amt);
            case USHR -> asm.lsr(d, a, amt);
            default -> asm.asr(d, a, amt);
        }
        e.narrow(e.x(0), bits);
    }

    private void shiftImm(Opcode op, Type t, int amount) {
        int bits = t.bits();
        Reg d = e.r(0, t);
        Reg a = e.r(1, t);
        if (amount == 0) {
            if (!d.equals(a)) {
                asm.mov(e.x(0), e.x(1));
            }
            return;
        }
        switch (op) {
            case ISHL_IMM -> {
                asm.lsl(d, a, amount);
                e.narrow(e.x(0), bits);
            }
            case USHR_IMM -> asm.lsr(d, a, amount);
            default -> {
                if (bits < 32) {
                    asm.sbfx(d, a, amount, bits - amount);
                    e.narrow(e.x(0), bits);
                } else {
                    asm.asr(d, a, amount);
                }
            }
        }
    }

    private void mulHigh(boolean signed, Type t) {
        int bits = t.bits();
        Reg dx = e.x(0);
        if (bits == 64) {
            if (signed) {
                asm.smulh(dx, e.x(1), e.x(2));
            } else {
                asm.umulh(dx, e.x(1), e.x(2));
            }
            return;
        }
        Reg a = e.x(1).withSize(false);
        Reg b = e.x(2).withSize(false);
        if (bits == 32) {
            if (signed) {
                asm.smull(dx, a, b);
                asm.asr(dx, dx, 32);
            } else {
                asm.umull(dx, a, b);
                asm.lsr(dx, dx, 32);
            }
            e.canonical(dx, 32);
            return;
        }
        Reg dw = dx.withSize(false);
        if (signed) {
            signExtend(W16, a, bits);
            signExtend(W17, b, bits);
            asm.mul(dw, W16, W17);
            asm.asr(dw, dw, bits);
        } else {
            asm.mul(dw, a, b);
            asm.lsr(dw, dw, bits);
        }
        e.narrow(dx, bits);
    }

    /**
     * Division and remainder with CLIF's traps: {@code int_divz} for a zero divisor, and
     * {@code int_ovf} for a signed division of the smallest value by -1 (its remainder is 0, which
     * SDIV then MSUB give). The result register is an early def, distinct from both inputs.
     */
    private void divide(A64Inst p, Type t) {
        int bits = t.bits();
        boolean signed = p.op() == Opcode.SDIV || p.op() == Opcode.SREM;
        boolean rem = p.op() == Opcode.UREM || p.op() == Opcode.SREM;
        Reg d = e.r(0, t);
        Reg n = e.r(1, t);
        Reg m = e.r(2, t);
        if (signed && bits < 32) {
            signExtend(W16, n, bits);
            signExtend(W17, m, bits);
            n = W16;
            m = W17;
        }
        asm.cbz(m, e.trap(TrapCode.INTEGER_DIVISION_BY_ZERO));
        if (signed && !rem) {
            dev.vex.code.Label ok = new dev.vex.code.Label();
            asm.cmn(m, 1);
            asm.bcond(Cond.NE, ok);
            if (bits >= 32) {
                asm.cmp(n, 1); // overflows (V set) exactly for the smallest value
                asm.bcond(Cond.VS, e.trap(TrapCode.INTEGER_OVERFLOW));
            } else {
                long min = 1L << (bits - 1);
                asm.cmn(n, min);
                asm.bcond(Cond.EQ, e.trap(TrapCode.INTEGER_OVERFLOW));
            }
            asm.bind(ok);
        }
        if (signed) {
            asm.sdiv(d, n, m);
        } else {
            asm.udiv(d, n, m);
        }
        if (rem) {
            asm.msub(d, d, m, n);
        }
        if (signed) {
            e.narrow(e.x(0), bits);
        }
    }

    private void compare(IntCC cc, Type t) {
        int bits = t.bits();
        Reg a = e.r(1, t);
        Reg b = e.r(2, t);
        if (bits < 32 && isSigned(cc)) {
            signExtend(W16, a, bits);
            signExtend(W17, b, bits);
            a = W16;
            b = W17;
        }
        asm.cmp(a, b);
        asm.cset(e.x(0).withSize(false), cond(cc));
    }
}
