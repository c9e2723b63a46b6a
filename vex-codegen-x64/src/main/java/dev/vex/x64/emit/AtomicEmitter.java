package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Gpr.RAX;

import dev.vex.code.Label;
import dev.vex.ir.AtomicRmwOp;
import dev.vex.ir.Type;
import dev.vex.x64.asm.Cond;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.Mem;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.isel.X64Inst;

/**
 * The x86 sequences of the atomic operations, from the operands that
 * {@code dev.vex.x64.isel.AtomicLowering} gives them (sequentially consistent on x86's TSO):
 * <ul>
 *   <li>{@code atomic_load}: a plain load (every store below is locked, so none passes it);</li>
 *   <li>{@code atomic_store}: {@code xchg [addr], r11}, a store and a full barrier in one;</li>
 *   <li>{@code fence}: {@code mfence};</li>
 *   <li>{@code atomic_cas}: {@code lock cmpxchg} with the expected and the old value in rax;</li>
 *   <li>{@code atomic_rmw} add, sub, xchg: {@code lock xadd} (of the negated operand for sub)
 *       or {@code xchg};</li>
 *   <li>every other {@code atomic_rmw}, and a big-endian add, sub or xchg: a loop that loads the
 *       old value into rax, computes the new one in r11 and retries {@code lock cmpxchg} until
 *       memory still held the old value.</li>
 * </ul>
 * A big-endian access swaps bytes around the operation: memory holds the swapped value, the
 * operation sees the logical one.
 */
final class AtomicEmitter {
    private static final AtomicRmwOp[] RMW_OPS = AtomicRmwOp.values();

    private final FunctionEmitter fe;
    private final X64Assembler asm;

    AtomicEmitter(FunctionEmitter fe) {
        this.fe = fe;
        this.asm = fe.asm;
    }

    void emit(X64Inst p) {
        boolean big = (p.aux() & 1) != 0;
        switch (p.op()) {
            case FENCE -> asm.mfence();
            case ATOMIC_LOAD -> load(p.type().bits(), big);
            case ATOMIC_STORE -> store(p.type().bits(), big);
            case ATOMIC_CAS -> cas(p.type().bits(), big);
            case ATOMIC_RMW -> {
                AtomicRmwOp op = RMW_OPS[p.aux() >>> 1];
                if (op == AtomicRmwOp.ADD || op == AtomicRmwOp.SUB || op == AtomicRmwOp.XCHG) {
                    if (!big) {
                        lockedInstruction(op, p.type());
                        return;
                    }
                }
                cmpxchgLoop(op, p.type(), big);
            }
            default -> throw new IllegalStateException(p.op().text() + " is not atomic");
        }
    }

    private void load(int bits, boolean big) {
        Gpr r = fe.g64(0);
        Mem m = Mem.mem(fe.g64(1)).withBits(bits);
        loadInto(r, m, bits);
        if (big) {
            fe.byteSwap(r, bits);
            fe.canonical(r, bits);
        }
    }

    /** A zero-extending load of {@code bits} into {@code r}. */
    private void loadInto(Gpr r, Mem m, int bits) {
        switch (bits) {
            case 8, 16 -> asm.movzx(r.withBits(32), m);
            case 32 -> asm.mov(r.withBits(32), m);
            default -> asm.mov(r, m);
        }
    }

    private void store(int bits, boolean big) {
        asm.mov(R11, fe.g64(0));
        if (big) {
            fe.byteSwap(R11, bits);
        }
        asm.xchg(Mem.mem(fe.g64(1)).withBits(bits), R11.withBits(bits));
    }

    private void cas(int bits, boolean big) {
        Mem m = Mem.mem(fe.g64(1)).withBits(bits);
        Gpr replacement = fe.g(3, bits);
        if (big) {
            asm.mov(R11, fe.g64(3));
            fe.byteSwap(R11, bits);
            replacement = R11.withBits(bits);
            fe.byteSwap(RAX, bits);
        }
        asm.lockCmpxchg(m, replacement);
        if (big) {
            fe.byteSwap(RAX, bits);
            fe.canonical(RAX, bits);
        }
    }

    /** Little-endian add, sub and xchg: the result register holds the operand, then the old value. */
    private void lockedInstruction(AtomicRmwOp op, Type t) {
        int bits = t.bits();
        Gpr r = fe.g64(0);
        Mem m = Mem.mem(fe.g64(1)).withBits(bits);
        switch (op) {
            case ADD -> asm.lockXadd(m, r.withBits(bits));
            case SUB -> {
                asm.neg(r.withBits(FunctionEmitter.opBits(t)));
                asm.lockXadd(m, r.withBits(bits));
            }
            default -> asm.xchg(m, r.withBits(bits));
        }
        fe.narrow(r, bits);
    }

    private void cmpxchgLoop(AtomicRmwOp op, Type t, boolean big) {
        int bits = t.bits();
        int ob = FunctionEmitter.opBits(t);
        Mem m = Mem.mem(fe.g64(1)).withBits(bits);
        Gpr x = fe.g64(2);
        loadInto(RAX, m, bits);
        Label retry = asm.newLabel();
        asm.bind(retry);
        asm.mov(R11, RAX);
        if (big) {
            fe.byteSwap(R11, bits);
        }
        Gpr n = R11.withBits(ob);
        Gpr xo = x.withBits(ob);
        switch (op) {
            case ADD -> asm.add(n, xo);
            case SUB -> asm.sub(n, xo);
            case AND -> asm.and(n, xo);
            case OR -> asm.or(n, xo);
            case XOR -> asm.xor(n, xo);
            case NAND -> asm.and(n, xo).not(n);
            case XCHG -> asm.mov(R11, x);
            case UMIN, UMAX, SMIN, SMAX -> {
                asm.cmp(R11.withBits(bits), x.withBits(bits));
                // Take the operand where the old value loses.
                Cond takeOperand = switch (op) {
                    case UMIN -> Cond.A;
                    case UMAX -> Cond.B;
                    case SMIN -> Cond.G;
                    default -> Cond.L;
                };
                asm.cmov(takeOperand, n, xo);
            }
        }
        if (big) {
            fe.byteSwap(R11, bits);
        }
        asm.lockCmpxchg(m, R11.withBits(bits));
        asm.jcc(Cond.NE, retry);
        if (big) {
            fe.byteSwap(RAX, bits);
        }
        fe.canonical(RAX, bits);
    }
}
