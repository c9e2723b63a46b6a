package dev.vex.aarch64.emit;

import static dev.vex.aarch64.asm.Reg.W16;
import static dev.vex.aarch64.asm.Reg.W17;
import static dev.vex.aarch64.asm.Reg.X17;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.asm.BarrierOption;
import dev.vex.aarch64.asm.Cond;
import dev.vex.aarch64.asm.Ordered;
import dev.vex.aarch64.asm.Reg;
import dev.vex.aarch64.isel.A64Inst;
import dev.vex.code.Label;
import dev.vex.ir.AtomicRmwOp;
import dev.vex.ir.Type;

/**
 * Atomic memory operations, sequentially consistent as CLIF's are, on the ARMv8.0 baseline (no
 * LSE, so that the code runs on every AArch64 core): {@code atomic_load} is LDAR,
 * {@code atomic_store} STLR, {@code fence} {@code dmb ish}; {@code atomic_rmw} and
 * {@code atomic_cas} are LDAXR/STLXR loops. In a loop the old value goes straight into the
 * result register (an early def, so it may not share a register with the address or the
 * operands), the new value is built in w17/x17, and w16 receives the store's status; a narrow
 * signed min/max compares sign-extended copies in w16/w17 before w16 is needed for the status.
 * Loaded values are zero-extended by the load, so results are canonical.
 */
final class AtomicEmitter {
    private final FunctionEmitter e;
    private final A64Assembler asm;

    AtomicEmitter(FunctionEmitter e) {
        this.e = e;
        this.asm = e.asm;
    }

    private static int log2(Type t) {
        return Integer.numberOfTrailingZeros(t.bits() / 8);
    }

    void emit(A64Inst p) {
        Type t = p.type();
        switch (p.op()) {
            case ATOMIC_LOAD -> asm.ordered(Ordered.LDAR, log2(t), e.r(0, t), e.x(1));
            case ATOMIC_STORE -> asm.ordered(Ordered.STLR, log2(t), e.r(0, t), e.x(1));
            case FENCE -> asm.dmb(BarrierOption.ISH);
            case ATOMIC_RMW -> rmw(AtomicRmwOp.values()[p.aux()], t);
            case ATOMIC_CAS -> cas(t);
            default -> throw new IllegalStateException("not an atomic operation: " + p.op());
        }
    }

    /** Operands: def old, use address, use x. */
    private void rmw(AtomicRmwOp op, Type t) {
        int size = log2(t);
        Reg old = e.r(0, t);
        Reg addr = e.x(1);
        Reg x = e.r(2, t);
        Reg tmp = t.bits() == 64 ? X17 : W17;
        Label retry = new Label();
        asm.bind(retry);
        asm.ordered(Ordered.LDAXR, size, old, addr);
        Reg value = tmp;
        switch (op) {
            case ADD -> asm.add(tmp, old, x);
            case SUB -> asm.sub(tmp, old, x);
            case AND -> asm.and(tmp, old, x);
            case NAND -> {
                asm.and(tmp, old, x);
                asm.mvn(tmp, tmp);
            }
            case OR -> asm.orr(tmp, old, x);
            case XOR -> asm.eor(tmp, old, x);
            case XCHG -> value = x;
            case UMIN, UMAX -> {
                asm.cmp(old, x);
                asm.csel(tmp, old, x, op == AtomicRmwOp.UMIN ? Cond.LO : Cond.HI);
            }
            case SMIN, SMAX -> {
                Cond keepOld = op == AtomicRmwOp.SMIN ? Cond.LT : Cond.GT;
                if (t.bits() < 32) {
                    if (t.bits() == 8) {
                        asm.sxtb(W16, old);
                        asm.sxtb(W17, x);
                    } else {
                        asm.sxth(W16, old);
                        asm.sxth(W17, x);
                    }
                    asm.cmp(W16, W17);
                } else {
                    asm.cmp(old, x);
                }
                asm.csel(tmp, old, x, keepOld);
            }
        }
        asm.storeExclusive(Ordered.STLXR, size, W16, value, addr);
        asm.cbnz(W16, retry);
    }

    /** Operands: def old, use address, use expected, use replacement. */
    private void cas(Type t) {
        int size = log2(t);
        Reg old = e.r(0, t);
        Reg addr = e.x(1);
        Label retry = new Label();
        Label done = new Label();
        asm.bind(retry);
        asm.ordered(Ordered.LDAXR, size, old, addr);
        asm.cmp(old, e.r(2, t));
        asm.bcond(Cond.NE, done);
        asm.storeExclusive(Ordered.STLXR, size, W16, e.r(3, t), addr);
        asm.cbnz(W16, retry);
        asm.bind(done);
    }
}
