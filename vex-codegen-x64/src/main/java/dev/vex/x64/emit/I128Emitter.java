package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.ECX;
import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Gpr.RAX;
import static dev.vex.x64.asm.Gpr.RDX;

import dev.vex.ir.IntCC;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.isel.X64Inst;

/**
 * The {@link dev.vex.x64.isel.Kind#I128} instructions: the operations on {@code i128} values that
 * cannot be split into independent 64-bit ones, because a carry, a borrow or bits cross from
 * one half to the other. Each value is two 64-bit registers, low half first; the operand layouts
 * are {@link dev.vex.x64.isel.I128Lowering}'s. Every def is early and every use late, so a def
 * never shares a register with a use and each sequence may write its defs in any order; r11 is
 * the scratch, and rcx (shifts) or rax and rdx (multiply) are clobbered where named.
 */
final class I128Emitter {
    private static final IntCC[] INT_CCS = IntCC.values();

    private final FunctionEmitter fe;
    private final X64Assembler asm;

    I128Emitter(FunctionEmitter fe) {
        this.fe = fe;
        this.asm = fe.asm;
    }

    void emit(X64Inst p) {
        switch (p.op()) {
            case IADD, ISUB -> addSub(p.op() == dev.vex.ir.Opcode.IADD);
            case IMUL -> multiply();
            case UMULHI, SMULHI -> multiplyHigh(p.op() == dev.vex.ir.Opcode.SMULHI);
            case INEG -> {
                Gpr d0 = copy(0, 2);
                Gpr d1 = copy(1, 3);
                asm.neg(d0).adc(d1, 0).neg(d1);
            }
            case IABS -> {
                asm.mov(R11, fe.g64(3)).sar(R11, 63);
                Gpr d0 = copy(0, 2);
                Gpr d1 = copy(1, 3);
                asm.xor(d0, R11).xor(d1, R11).sub(d0, R11).sbb(d1, R11);
            }
            case SMIN, UMIN, SMAX, UMAX -> minMax(p.op());
            case ICMP -> compare(INT_CCS[p.aux()]);
            case ISHL, USHR, SSHR -> shift(p.op());
            case ROTL, ROTR -> rotate(p.op() == dev.vex.ir.Opcode.ROTR);
            case SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW, SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN,
                    SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> overflow(p.op());
            case UADD_OVERFLOW_TRAP -> {
                Gpr d0 = copy(0, 2);
                Gpr d1 = copy(1, 3);
                asm.add(d0, fe.g64(4)).adc(d1, fe.g64(5));
                asm.jcc(Cond.B, fe.trap(p.trap()));
            }
            case CLZ, CTZ -> {
                // Operand 1 counts the half that decides when it is not all zeros (64); else
                // operand 2 counts the other half, 64 bits further on.
                Gpr d = fe.g64(0);
                asm.mov(d, fe.g64(2)).add(d, 64).cmp(fe.g64(1), 64).cmov(Cond.NE, d, fe.g64(1));
            }
            case BMASK -> {
                asm.mov(R11, fe.g64(p.nDefs()));
                if (p.nUses() == 2) {
                    asm.or(R11, fe.g64(p.nDefs() + 1));
                }
                asm.neg(R11).sbb(R11, R11);
                asm.mov(fe.g64(0), R11);
                if (p.nDefs() == 2) {
                    asm.mov(fe.g64(1), R11);
                } else {
                    fe.canonical(fe.g64(0), p.type().bits());
                }
            }
            case UDIV -> divide();
            case LOAD -> load(p);
            case STORE -> store(p);
            default -> throw new IllegalStateException("x64 emit: unexpected i128 " + p.op().text());
        }
    }

    /** Copies use {@code from} into def {@code to} and returns the def's register. */
    private Gpr copy(int to, int from) {
        Gpr d = fe.g64(to);
        asm.mov(d, fe.g64(from));
        return d;
    }

    /** Defs 0, 1 = uses 2, 3 (a) plus or minus uses 4, 5 (b). */
    private void addSub(boolean add) {
        Gpr d0 = copy(0, 2);
        Gpr d1 = copy(1, 3);
        if (add) {
            asm.add(d0, fe.g64(4)).adc(d1, fe.g64(5));
        } else {
            asm.sub(d0, fe.g64(4)).sbb(d1, fe.g64(5));
        }
    }

    /** The low 128 bits of a * b: the full product of the low halves plus both cross terms. */
    private void multiply() {
        Gpr d0 = fe.g64(0);
        Gpr d1 = fe.g64(1);
        Gpr a0 = fe.g64(2);
        Gpr a1 = fe.g64(3);
        Gpr b0 = fe.g64(4);
        Gpr b1 = fe.g64(5);
        asm.mov(RAX, a0).mul(b0).mov(d0, RAX).mov(d1, RDX);
        asm.mov(R11, a0).imul(R11, b1).add(d1, R11);
        asm.mov(R11, a1).imul(R11, b0).add(d1, R11);
    }

    /**
     * The high 128 bits of the 256-bit product: defs 0, 1; uses 2, 3 (a), 4, 5 (b); temporary 6;
     * rax, rdx clobbered. Word 1 of the product gathers in the temporary, its carries flow into
     * words 2 and 3 (the defs). The signed form then subtracts b where a is negative and a where
     * b is negative (each a two's-complement correction of the unsigned product).
     */
    private void multiplyHigh(boolean signed) {
        Gpr d0 = fe.g64(0);
        Gpr d1 = fe.g64(1);
        Gpr a0 = fe.g64(2);
        Gpr a1 = fe.g64(3);
        Gpr b0 = fe.g64(4);
        Gpr b1 = fe.g64(5);
        Gpr t = fe.g64(6);
        asm.xor(d0.withBits(32), d0.withBits(32)).xor(d1.withBits(32), d1.withBits(32));
        asm.mov(RAX, a0).mul(b0).mov(t, RDX);
        asm.mov(RAX, a0).mul(b1).add(t, RAX).adc(d0, RDX).adc(d1, 0);
        asm.mov(RAX, a1).mul(b0).add(t, RAX).adc(d0, RDX).adc(d1, 0);
        asm.mov(RAX, a1).mul(b1).add(d0, RAX).adc(d1, RDX);
        if (signed) {
            signCorrection(d0, d1, t, a1, b0, b1);
            signCorrection(d0, d1, t, b1, a0, a1);
        }
    }

    /** {@code d -= (x < 0 ? y : 0)} where x's high half is {@code x1}. */
    private void signCorrection(Gpr d0, Gpr d1, Gpr t, Gpr x1, Gpr y0, Gpr y1) {
        asm.mov(t, x1).sar(t, 63).mov(R11, t).and(t, y0).and(R11, y1);
        asm.sub(d0, t).sbb(d1, R11);
    }

    /** Sets the flags of x - y as one 128-bit subtraction (CF: unsigned x < y; SF != OF: signed). */
    private void subtractFlags(int x, int y) {
        asm.cmp(fe.g64(x), fe.g64(y)).mov(R11, fe.g64(x + 1)).sbb(R11, fe.g64(y + 1));
    }

    private void minMax(dev.vex.ir.Opcode op) {
        Gpr d0 = copy(0, 2);
        Gpr d1 = copy(1, 3);
        boolean min = op == dev.vex.ir.Opcode.SMIN || op == dev.vex.ir.Opcode.UMIN;
        boolean signed = op == dev.vex.ir.Opcode.SMIN || op == dev.vex.ir.Opcode.SMAX;
        // min takes b when b < a; max takes b when a < b.
        if (min) {
            subtractFlags(4, 2);
        } else {
            subtractFlags(2, 4);
        }
        Cond less = signed ? Cond.L : Cond.B;
        asm.cmov(less, d0, fe.g64(4)).cmov(less, d1, fe.g64(5));
    }

    /** Def 0 (an i8) = uses 1, 2 (a) compared with uses 3, 4 (b). */
    private void compare(IntCC cc) {
        Gpr d = fe.g64(0);
        Cond c;
        switch (cc) {
            case EQ, NE -> {
                asm.mov(R11, fe.g64(1)).xor(R11, fe.g64(3)).mov(d, fe.g64(2)).xor(d, fe.g64(4)).or(d, R11);
                c = cc == IntCC.EQ ? Cond.E : Cond.NE;
            }
            case ULT, UGE, SLT, SGE -> {
                subtractFlags(1, 3);
                c = switch (cc) {
                    case ULT -> Cond.B;
                    case UGE -> Cond.AE;
                    case SLT -> Cond.L;
                    default -> Cond.GE;
                };
            }
            default -> { // a > b is b < a, a <= b is b >= a
                subtractFlags(3, 1);
                c = switch (cc) {
                    case UGT -> Cond.B;
                    case ULE -> Cond.AE;
                    case SGT -> Cond.L;
                    default -> Cond.GE;
                };
            }
        }
        asm.setcc(c, d.withBits(8)).movzx(d.withBits(32), d.withBits(8));
    }

    /**
     * Defs 0, 1 = uses 2, 3 shifted by use 4 (the amount's low 7 bits count; rcx is clobbered).
     * First as if the amount were its low 6 bits m, with the bits that cross halves brought in
     * by a shift of 1 and then of 63 - m (zero when m is 0, where one shift by 64 - m would
     * shift by nothing); then, when bit 6 is set, the halves move over by 64.
     */
    private void shift(dev.vex.ir.Opcode op) {
        Gpr d0 = fe.g64(0);
        Gpr d1 = fe.g64(1);
        asm.mov(ECX, fe.g(4, 32));
        asm.mov(d0, fe.g64(2)).mov(d1, fe.g64(3));
        if (op == dev.vex.ir.Opcode.ISHL) {
            asm.mov(R11, d0).shr(R11, 1).not(ECX).shrCl(R11).not(ECX);
            asm.shlCl(d1).or(d1, R11).shlCl(d0);
            asm.mov(R11, 0).test(ECX, 64).cmov(Cond.NE, d1, d0).cmov(Cond.NE, d0, R11);
            return;
        }
        asm.mov(R11, d1).shl(R11, 1).not(ECX).shlCl(R11).not(ECX);
        asm.shrCl(d0).or(d0, R11);
        if (op == dev.vex.ir.Opcode.SSHR) {
            asm.sarCl(d1).mov(R11, d1).sar(R11, 63);
        } else {
            asm.shrCl(d1).mov(R11, 0);
        }
        asm.test(ECX, 64).cmov(Cond.NE, d0, d1).cmov(Cond.NE, d1, R11);
    }

    /**
     * Defs 0, 1 = uses 2, 3 rotated by use 4, with temporary 5 (rcx clobbered): the halves swap
     * when bit 6 of the amount is set, then both rotate by the low 6 bits together. A right
     * rotation is a left one by the negated amount.
     */
    private void rotate(boolean right) {
        Gpr d0 = fe.g64(0);
        Gpr d1 = fe.g64(1);
        Gpr t = fe.g64(5);
        asm.mov(ECX, fe.g(4, 32));
        if (right) {
            asm.neg(ECX);
        }
        asm.mov(d0, fe.g64(2)).mov(d1, fe.g64(3));
        asm.test(ECX, 64).cmov(Cond.NE, d0, fe.g64(3)).cmov(Cond.NE, d1, fe.g64(2));
        asm.mov(R11, d0).shr(R11, 1).mov(t, d1).shr(t, 1);
        asm.not(ECX).shrCl(R11).shrCl(t).not(ECX);
        asm.shlCl(d1).or(d1, R11).shlCl(d0).or(d0, t);
    }

    /** Defs 0, 1 (the wrapped result), 2 (the i8 flag) from uses 3, 4 (a), 5, 6 (b) and 7 (carry-in). */
    private void overflow(dev.vex.ir.Opcode op) {
        Gpr d0 = copy(0, 3);
        Gpr d1 = copy(1, 4);
        boolean add = switch (op) {
            case SADD_OVERFLOW, UADD_OVERFLOW, SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN -> true;
            default -> false;
        };
        boolean carryIn = switch (op) {
            case SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> true;
            default -> false;
        };
        boolean signed = switch (op) {
            case SADD_OVERFLOW, SADD_OVERFLOW_CIN, SSUB_OVERFLOW, SSUB_OVERFLOW_BIN -> true;
            default -> false;
        };
        if (carryIn) {
            asm.mov(R11, fe.g64(7)).neg(R11); // CF = carry-in != 0
            if (add) {
                asm.adc(d0, fe.g64(5)).adc(d1, fe.g64(6));
            } else {
                asm.sbb(d0, fe.g64(5)).sbb(d1, fe.g64(6));
            }
        } else if (add) {
            asm.add(d0, fe.g64(5)).adc(d1, fe.g64(6));
        } else {
            asm.sub(d0, fe.g64(5)).sbb(d1, fe.g64(6));
        }
        Gpr f = fe.g64(2);
        asm.setcc(signed ? Cond.O : Cond.B, f.withBits(8)).movzx(f.withBits(32), f.withBits(8));
    }

    /**
     * Unsigned division: defs 0, 1 (quotient), 2, 3 (remainder) from uses 4, 5 (dividend) and
     * 6, 7 (divisor); rax, rcx and rdx are clobbered. A divisor of up to 64 bits takes two
     * {@code div}s (the first remainder is below the divisor, so the second cannot overflow).
     * A wider one leaves a quotient of up to 64 bits: 64 steps of shift and subtract, the
     * remainder starting as the dividend's high half (all 64 quotient bits above it are zero).
     */
    private void divide() {
        Gpr q0 = fe.g64(0);
        Gpr q1 = fe.g64(1);
        Gpr r0 = fe.g64(2);
        Gpr r1 = fe.g64(3);
        Gpr a0 = fe.g64(4);
        Gpr a1 = fe.g64(5);
        Gpr b0 = fe.g64(6);
        Gpr b1 = fe.g64(7);
        asm.mov(R11, b0).or(R11, b1).jcc(Cond.E, fe.trap(dev.vex.ir.TrapCode.INTEGER_DIVISION_BY_ZERO));
        dev.vex.code.Label wide = asm.newLabel();
        dev.vex.code.Label loop = asm.newLabel();
        dev.vex.code.Label subtract = asm.newLabel();
        dev.vex.code.Label next = asm.newLabel();
        dev.vex.code.Label done = asm.newLabel();
        asm.test(b1, b1).jcc(Cond.NE, wide);
        asm.xor(Gpr.EDX, Gpr.EDX).mov(RAX, a1).div(b0).mov(q1, RAX);
        asm.mov(RAX, a0).div(b0).mov(q0, RAX).mov(r0, RDX).xor(r1.withBits(32), r1.withBits(32));
        asm.jmp(done);
        asm.bind(wide);
        asm.mov(q0, a0).xor(q1.withBits(32), q1.withBits(32)).mov(r0, a1).xor(r1.withBits(32), r1.withBits(32));
        asm.mov(ECX, 64);
        asm.bind(loop);
        // r:q <<= 1; a bit shifted out of r means r >= 2^128 > divisor, so subtract.
        asm.shl(q0, 1).rcl(r0, 1).rcl(r1, 1).jcc(Cond.B, subtract);
        asm.cmp(r0, b0).mov(R11, r1).sbb(R11, b1).jcc(Cond.B, next);
        asm.bind(subtract);
        asm.sub(r0, b0).sbb(r1, b1).or(q0, 1);
        asm.bind(next);
        asm.dec(ECX).jcc(Cond.NE, loop);
        asm.bind(done);
    }

    /** Defs 0, 1 from {@code [use 2 + imm]}; {@code aux} 1 for big-endian. */
    private void load(X64Inst p) {
        Gpr base = fe.g64(2);
        int off = (int) p.imm();
        if (p.aux() == 0) {
            asm.mov(fe.g64(0), Mem.mem(base, off)).mov(fe.g64(1), Mem.mem(base, off + 8));
        } else {
            asm.mov(fe.g64(1), Mem.mem(base, off)).bswap(fe.g64(1));
            asm.mov(fe.g64(0), Mem.mem(base, off + 8)).bswap(fe.g64(0));
        }
    }

    /** Uses 0, 1 to {@code [use 2 + imm]}; {@code aux} 1 for big-endian. */
    private void store(X64Inst p) {
        Gpr base = fe.g64(2);
        int off = (int) p.imm();
        if (p.aux() == 0) {
            asm.mov(Mem.qword(base, off), fe.g64(0)).mov(Mem.qword(base, off + 8), fe.g64(1));
        } else {
            asm.mov(R11, fe.g64(1)).bswap(R11).mov(Mem.qword(base, off), R11);
            asm.mov(R11, fe.g64(0)).bswap(R11).mov(Mem.qword(base, off + 8), R11);
        }
    }
}
