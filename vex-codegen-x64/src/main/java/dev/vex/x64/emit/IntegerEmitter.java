package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.ECX;
import static dev.vex.x64.asm.Gpr.R11;

import dev.vex.code.Label;
import dev.vex.ir.IntCC;
import dev.vex.ir.Opcode;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.x64.asm.AluOp;
import dev.vex.x64.asm.BitTestOp;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.CpuFeature;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.isel.X64Inst;

/**
 * Integer operations. Operands are at the indices {@link dev.vex.x64.isel.InstructionSelector}
 * gives them: defs first, then uses, then temporaries. Values are canonical (zero-extended);
 * i8/i16 arithmetic runs in 32-bit registers and is re-extended where it dirties upper bits.
 */
final class IntegerEmitter {
    private static final IntCC[] INT_CCS = IntCC.values();

    private final FunctionEmitter fe;
    private final X64Assembler asm;

    IntegerEmitter(FunctionEmitter fe) {
        this.fe = fe;
        this.asm = fe.asm;
    }

    static Cond cond(IntCC cc) {
        return switch (cc) {
            case EQ -> Cond.E;
            case NE -> Cond.NE;
            case SLT -> Cond.L;
            case SGE -> Cond.GE;
            case SGT -> Cond.G;
            case SLE -> Cond.LE;
            case ULT -> Cond.B;
            case UGE -> Cond.AE;
            case UGT -> Cond.A;
            case ULE -> Cond.BE;
        };
    }

    void emit(X64Inst p) {
        Type t = p.type();
        int bits = t == null ? 64 : t.bits();
        int ob = bits == 64 ? 64 : 32;
        switch (p.op()) {
            case ICONST -> asm.mov(fe.g64(0), p.imm());
            case IADD, ISUB, BAND, BOR, BXOR -> {
                AluOp op = switch (p.op()) {
                    case IADD -> AluOp.ADD;
                    case ISUB -> AluOp.SUB;
                    case BAND -> AluOp.AND;
                    case BOR -> AluOp.OR;
                    default -> AluOp.XOR;
                };
                asm.alu(op, fe.g(0, ob), fe.g(2, ob));
                if (op == AluOp.ADD || op == AluOp.SUB) {
                    fe.narrow(fe.g64(0), bits);
                }
            }
            case IMUL -> {
                asm.imul(fe.g(0, ob), fe.g(2, ob));
                fe.narrow(fe.g64(0), bits);
            }
            case BAND_NOT, BOR_NOT -> {
                asm.mov(R11, fe.g64(2)).not(R11);
                asm.alu(p.op() == Opcode.BAND_NOT ? AluOp.AND : AluOp.OR, fe.g64(0), R11);
                fe.canonical(fe.g64(0), bits);
            }
            case BXOR_NOT -> {
                asm.xor(fe.g64(0), fe.g64(2)).not(fe.g(0, ob));
                fe.narrow(fe.g64(0), bits);
            }
            case SMIN, SMAX, UMIN, UMAX -> {
                asm.cmp(fe.g(0, bits), fe.g(2, bits));
                Cond c = switch (p.op()) {
                    case SMIN -> Cond.G;
                    case SMAX -> Cond.L;
                    case UMIN -> Cond.A;
                    default -> Cond.B;
                };
                asm.cmov(c, fe.g(0, ob), fe.g(2, ob));
            }
            case INEG -> {
                asm.neg(fe.g(0, ob));
                fe.narrow(fe.g64(0), bits);
            }
            case BNOT -> {
                asm.not(fe.g(0, ob));
                fe.narrow(fe.g64(0), bits);
            }
            case IABS -> {
                Gpr d = fe.g(0, ob);
                if (bits < 32) {
                    asm.movsx(d, fe.g(0, bits));
                }
                Gpr s = R11.withBits(ob);
                asm.mov(s, d).neg(s).cmov(Cond.NS, d, s);
                fe.narrow(fe.g64(0), bits);
            }
            case BSWAP -> {
                switch (bits) {
                    case 16 -> asm.rol(fe.g(0, 16), 8);
                    case 32 -> asm.bswap(fe.g(0, 32));
                    case 64 -> asm.bswap(fe.g(0, 64));
                    default -> { }
                }
            }
            case ISHL_IMM, USHR_IMM, SSHR_IMM, ROTL_IMM, ROTR_IMM -> shiftImm(p.op(), bits, (int) (p.imm() & (bits - 1)));
            case ISHL, USHR, SSHR, ROTL, ROTR -> shiftCl(p.op(), bits);
            case UDIV, SDIV, UREM, SREM -> divide(p.op(), bits);
            case UMULHI, SMULHI -> mulHigh(p.op(), bits);
            case UMUL_OVERFLOW, SMUL_OVERFLOW, SADD_OVERFLOW, UADD_OVERFLOW, SSUB_OVERFLOW, USUB_OVERFLOW,
                    SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN, SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> overflow(p.op(), bits);
            case UADD_OVERFLOW_TRAP -> {
                asm.add(fe.g(0, bits), fe.g(2, bits));
                asm.jcc(Cond.B, fe.trap(p.trap()));
            }
            case POPCNT -> {
                if (asm.features().has(CpuFeature.POPCNT)) {
                    asm.popcnt(fe.g64(0), fe.g64(1));
                } else {
                    popcount(fe.g64(0), fe.g64(1), fe.g64(2));
                }
            }
            case CLZ -> {
                clz64(fe.g64(0), fe.g64(1), fe.g64(2));
                if (bits < 64) {
                    asm.sub(fe.g64(0), 64 - bits);
                }
            }
            case CLS -> {
                Gpr d = fe.g64(0);
                Gpr tmp = fe.g64(2);
                switch (bits) {
                    case 64 -> asm.mov(d, fe.g64(1));
                    case 32 -> asm.movsxd(d, fe.g(1, 32));
                    default -> asm.movsx(d, fe.g(1, bits));
                }
                asm.mov(tmp, d).sar(tmp, 1).xor(d, tmp);
                clz64(d, d, tmp);
                asm.sub(d, 64 - bits + 1);
            }
            case CTZ -> ctz(bits);
            case BITREV -> bitrev(bits);
            case BMASK -> {
                Gpr d = fe.g64(0);
                asm.cmp(fe.g64(1), 1).sbb(d, d).not(d);
                fe.canonical(d, bits);
            }
            case BITSELECT -> {
                asm.mov(R11, fe.g64(2)).xor(R11, fe.g64(0)).and(R11, fe.g64(1)).xor(fe.g64(0), R11);
            }
            case SELECT, SELECT_SPECTRE_GUARD -> {
                Gpr c = fe.g64(1);
                asm.test(c, c).cmov(Cond.NE, fe.g64(0), fe.g64(2));
            }
            case ICMP -> {
                asm.cmp(fe.g(1, bits), fe.g(2, bits));
                asm.setcc(cond(INT_CCS[p.aux()]), fe.g(0, 8));
                asm.movzx(fe.g(0, 32), fe.g(0, 8));
            }
            case SEXTEND -> {
                int from = p.argType().bits();
                switch (from) {
                    case 32 -> asm.movsxd(fe.g64(0), fe.g(0, 32));
                    case 64 -> { }
                    default -> asm.movsx(fe.g64(0), fe.g(0, from));
                }
                fe.canonical(fe.g64(0), bits);
            }
            case IREDUCE -> fe.canonical(fe.g64(0), bits);
            case ICONCAT -> {
                int half = p.argType().bits();
                asm.mov(R11, fe.g64(2)).shl(R11, half).or(fe.g64(0), R11);
            }
            case ISPLIT -> {
                int half = p.argType().bits() / 2;
                asm.mov(fe.g64(1), fe.g64(2)).shr(fe.g64(1), half);
                asm.mov(fe.g64(0), fe.g64(2));
                fe.canonical(fe.g64(0), half);
            }
            default -> throw new IllegalStateException("x64 emit: unexpected " + p.op().text());
        }
    }

    private void shiftImm(Opcode op, int bits, int amt) {
        int ob = bits == 64 ? 64 : 32;
        Gpr d = fe.g(0, ob);
        switch (op) {
            case ISHL_IMM -> {
                asm.shl(d, amt);
                fe.narrow(fe.g64(0), bits);
            }
            case USHR_IMM -> asm.shr(d, amt);
            case SSHR_IMM -> {
                if (bits < 32) {
                    asm.movsx(d, fe.g(0, bits));
                }
                asm.sar(d, amt);
                fe.narrow(fe.g64(0), bits);
            }
            case ROTL_IMM -> asm.rol(fe.g(0, bits), amt);
            default -> asm.ror(fe.g(0, bits), amt);
        }
    }

    private void shiftCl(Opcode op, int bits) {
        int ob = bits == 64 ? 64 : 32;
        Gpr d = fe.g(0, ob);
        if (bits < 32 && op != Opcode.ROTL && op != Opcode.ROTR) {
            asm.and(ECX, bits - 1);
        }
        switch (op) {
            case ISHL -> {
                asm.shlCl(d);
                fe.narrow(fe.g64(0), bits);
            }
            case USHR -> asm.shrCl(d);
            case SSHR -> {
                if (bits < 32) {
                    asm.movsx(d, fe.g(0, bits));
                }
                asm.sarCl(d);
                fe.narrow(fe.g64(0), bits);
            }
            case ROTL -> asm.rolCl(fe.g(0, bits));
            default -> asm.rorCl(fe.g(0, bits));
        }
    }

    /** Dividend in rax (operand 1), divisor operand 2 (a late use), result in rax or rdx. */
    private void divide(Opcode op, int bits) {
        boolean signed = op == Opcode.SDIV || op == Opcode.SREM;
        boolean rem = op == Opcode.UREM || op == Opcode.SREM;
        int ob = bits == 64 ? 64 : 32;
        Gpr divisor = fe.g(2, ob);
        Gpr rax = Gpr.RAX.withBits(ob);
        Gpr rdx = Gpr.RDX.withBits(ob);
        asm.test(divisor, divisor);
        asm.jcc(Cond.E, fe.trap(TrapCode.INTEGER_DIVISION_BY_ZERO));
        if (!signed) {
            asm.xor(Gpr.EDX, Gpr.EDX);
            asm.div(divisor);
            return;
        }
        if (bits < 32) {
            asm.movsx(Gpr.EAX, Gpr.RAX.withBits(bits));
            asm.movsx(R11.withBits(32), fe.g(2, bits));
            divisor = R11.withBits(32);
        }
        Label normal = asm.newLabel();
        Label done = asm.newLabel();
        asm.cmp(divisor, -1);
        asm.jcc(Cond.NE, normal);
        if (rem) {
            asm.xor(Gpr.EDX, Gpr.EDX);
            asm.jmp(done);
        } else {
            if (bits == 64) {
                asm.mov(R11, Long.MIN_VALUE);
                asm.cmp(Gpr.RAX, R11);
            } else {
                asm.cmp(Gpr.EAX, (int) (-1L << (bits - 1)));
            }
            asm.jcc(Cond.E, fe.trap(TrapCode.INTEGER_OVERFLOW));
        }
        asm.bind(normal);
        if (ob == 64) {
            asm.cqo();
        } else {
            asm.cdq();
        }
        asm.idiv(divisor);
        asm.bind(done);
        if (bits < 32) {
            fe.canonical(rem ? Gpr.RDX : Gpr.RAX, bits);
        }
    }

    private void mulHigh(Opcode op, int bits) {
        if (bits == 64) {
            if (op == Opcode.UMULHI) {
                asm.mul(fe.g64(2));
            } else {
                asm.imul(fe.g64(2));
            }
            return;
        }
        Gpr d = fe.g64(0);
        if (op == Opcode.UMULHI) {
            asm.imul(d, fe.g64(2)).shr(d, bits);
        } else {
            signExtend64(d, fe.g64(0), bits);
            signExtend64(R11, fe.g64(2), bits);
            asm.imul(d, R11).sar(d, bits);
            fe.canonical(d, bits);
        }
    }

    private void signExtend64(Gpr dst, Gpr src, int bits) {
        switch (bits) {
            case 64 -> asm.mov(dst, src);
            case 32 -> asm.movsxd(dst, src.withBits(32));
            default -> asm.movsx(dst, src.withBits(bits));
        }
    }

    private void overflow(Opcode op, int bits) {
        if (op == Opcode.UMUL_OVERFLOW && bits == 64) {
            asm.mul(fe.g64(3));
            asm.setcc(Cond.O, fe.g(1, 8)).movzx(fe.g(1, 32), fe.g(1, 8));
            return;
        }
        Gpr d = fe.g64(0);
        asm.mov(d, fe.g64(2));
        Gpr dw = fe.g(0, bits);
        Gpr bw = fe.g(3, bits);
        Cond flag;
        switch (op) {
            case SADD_OVERFLOW, UADD_OVERFLOW -> {
                asm.add(dw, bw);
                flag = op == Opcode.SADD_OVERFLOW ? Cond.O : Cond.B;
            }
            case SSUB_OVERFLOW, USUB_OVERFLOW -> {
                asm.sub(dw, bw);
                flag = op == Opcode.SSUB_OVERFLOW ? Cond.O : Cond.B;
            }
            case SADD_OVERFLOW_CIN, UADD_OVERFLOW_CIN -> {
                carryIn();
                asm.adc(dw, bw);
                flag = op == Opcode.SADD_OVERFLOW_CIN ? Cond.O : Cond.B;
            }
            case SSUB_OVERFLOW_BIN, USUB_OVERFLOW_BIN -> {
                carryIn();
                asm.sbb(dw, bw);
                flag = op == Opcode.SSUB_OVERFLOW_BIN ? Cond.O : Cond.B;
            }
            case SMUL_OVERFLOW -> {
                if (bits == 8) {
                    asm.movsx(d.withBits(32), d.withBits(8));
                    asm.movsx(R11.withBits(32), fe.g(3, 8));
                    asm.imul(d.withBits(32), R11.withBits(32));
                    asm.movsx(R11.withBits(32), d.withBits(8));
                    asm.cmp(R11.withBits(32), d.withBits(32));
                    flag = Cond.NE;
                } else {
                    asm.imul(dw, bw);
                    flag = Cond.O;
                }
            }
            case UMUL_OVERFLOW -> {
                asm.imul(d, fe.g64(3));
                asm.mov(R11, d).shr(R11, bits).test(R11, R11);
                flag = Cond.NE;
            }
            default -> throw new IllegalStateException(op.text());
        }
        asm.setcc(flag, fe.g(1, 8)).movzx(fe.g(1, 32), fe.g(1, 8));
        if (op == Opcode.UMUL_OVERFLOW) {
            fe.canonical(d, bits);
        } else {
            fe.narrow(d, bits);
        }
    }

    /** Sets CF to whether the carry-in (operand 4, an i8 read as a boolean) is non-zero. */
    private void carryIn() {
        asm.mov(R11, fe.g64(4)).neg(R11);
    }

    /** {@code dst = clz64(src)}; {@code dst} and {@code tmp} distinct, {@code src} may be either. */
    private void clz64(Gpr dst, Gpr src, Gpr tmp) {
        if (asm.features().has(CpuFeature.LZCNT)) {
            asm.lzcnt(dst, src);
            return;
        }
        // Smear the highest set bit downwards; the count of ones is then 64 - clz.
        if (dst.number != src.number) {
            asm.mov(dst, src);
        }
        for (int s = 1; s <= 32; s <<= 1) {
            asm.mov(tmp, dst).shr(tmp, s).or(dst, tmp);
        }
        popcount(dst, dst, tmp);
        asm.neg(dst).add(dst, 64);
    }

    private void ctz(int bits) {
        Gpr d = fe.g64(0);
        Gpr a = fe.g64(1);
        Gpr tmp = fe.g64(2);
        Gpr src = a;
        if (bits < 64) {
            asm.mov(R11, a).bitTest(BitTestOp.BTS, R11, bits);
            src = R11;
        }
        if (asm.features().has(CpuFeature.BMI1)) {
            asm.tzcnt(d, src);
            return;
        }
        // (x & -x) - 1 has exactly ctz(x) ones (64 for x = 0).
        asm.mov(tmp, src).neg(tmp).and(tmp, src).sub(tmp, 1);
        popcount(d, tmp, tmp);
    }

    /** SWAR population count: {@code dst = popcount(src)}, using {@code tmp} and r11. */
    private void popcount(Gpr dst, Gpr src, Gpr tmp) {
        if (dst.number != src.number) {
            asm.mov(dst, src);
        }
        asm.mov(tmp, dst).shr(tmp, 1).mov(R11, 0x5555_5555_5555_5555L).and(tmp, R11).sub(dst, tmp);
        asm.mov(R11, 0x3333_3333_3333_3333L).mov(tmp, dst).shr(tmp, 2).and(tmp, R11).and(dst, R11).add(dst, tmp);
        asm.mov(tmp, dst).shr(tmp, 4).add(dst, tmp).mov(R11, 0x0f0f_0f0f_0f0f_0f0fL).and(dst, R11);
        asm.mov(R11, 0x0101_0101_0101_0101L).imul(dst, R11).shr(dst, 56);
    }

    private void bitrev(int bits) {
        Gpr d = fe.g64(0);
        Gpr tmp = fe.g64(2);
        asm.mov(d, fe.g64(1));
        long[] masks = {0x5555_5555_5555_5555L, 0x3333_3333_3333_3333L, 0x0f0f_0f0f_0f0f_0f0fL};
        for (int k = 0; k < 3; k++) {
            int s = 1 << k;
            asm.mov(R11, masks[k]);
            asm.mov(tmp, d).shr(tmp, s).and(tmp, R11);
            asm.and(d, R11).shl(d, s).or(d, tmp);
        }
        asm.bswap(d);
        if (bits < 64) {
            asm.shr(d, 64 - bits);
        }
    }
}
