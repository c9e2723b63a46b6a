package dev.vex.x64.isel;

import static dev.vex.backend.Operand.def;
import static dev.vex.backend.Operand.defFixed;
import static dev.vex.backend.Operand.defReuse;
import static dev.vex.backend.Operand.lateUse;
import static dev.vex.backend.Operand.use;
import static dev.vex.backend.Operand.useFixed;
import static dev.vex.x64.abi.X64MachineSpec.RAX;

import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.RegClass;
import dev.vex.ir.AtomicRmwOp;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;

/**
 * Lowers {@code atomic_load}, {@code atomic_store}, {@code atomic_rmw}, {@code atomic_cas} and
 * {@code fence} to one machine instruction each ({@link Kind#IR} with the atomic opcode); the
 * emitter ({@code dev.vex.x64.emit.AtomicEmitter}) writes the x86 sequence, loops included. The
 * orderings are Cranelift's, sequentially consistent: on x86's TSO a plain load already is one
 * when every sequentially consistent store is an {@code xchg}, which is what stores become.
 *
 * <p>The payload: {@code type} the access type, {@code aux} the {@link AtomicRmwOp} ordinal
 * shifted left once, with bit 0 set for a big-endian access.
 *
 * <p>Operand constraints: {@code atomic_cas} takes the expected value in rax and leaves the old
 * one there ({@code lock cmpxchg}); an add, sub or xchg (little-endian) is a {@code lock xadd} or
 * {@code xchg} whose result reuses the operand's register; every other read-modify-write is a
 * {@code lock cmpxchg} loop with the old value in rax, so its inputs are late uses that never
 * share rax.
 */
final class AtomicLowering {
    private AtomicLowering() {
    }

    /** Packs the {@code aux} of an atomic instruction. */
    static int aux(AtomicRmwOp op, boolean bigEndian) {
        return (op == null ? 0 : op.ordinal() << 1) | (bigEndian ? 1 : 0);
    }

    /** Whether an {@code atomic_rmw} is one locked instruction rather than a cmpxchg loop. */
    static boolean isSingleInstruction(AtomicRmwOp op, boolean bigEndian) {
        return !bigEndian && (op == AtomicRmwOp.ADD || op == AtomicRmwOp.SUB || op == AtomicRmwOp.XCHG);
    }

    static void lower(MachFunctionBuilder b, Instruction inst, int[] vreg) {
        Opcode op = inst.opcode();
        boolean big = inst.memFlags() != null && inst.memFlags().isBigEndian();
        switch (op) {
            case FENCE -> b.inst(payload(op, null, 0, 0, 0), 0);
            case ATOMIC_LOAD -> {
                Type t = inst.result().type();
                b.inst(payload(op, t, aux(null, big), 1, 1), 0, def(vreg[inst.result().id()]),
                        use(vreg[inst.operand(0).id()]));
            }
            case ATOMIC_STORE -> {
                Type t = inst.operand(0).type();
                b.inst(payload(op, t, aux(null, big), 0, 2), 0, use(vreg[inst.operand(0).id()]),
                        use(vreg[inst.operand(1).id()]));
            }
            case ATOMIC_CAS -> {
                Type t = inst.result().type();
                int addr = vreg[inst.operand(0).id()];
                int expected = vreg[inst.operand(1).id()];
                int replacement = vreg[inst.operand(2).id()];
                // rax holds the expected value, so neither other input may be that same vreg.
                if (addr == expected) {
                    addr = copy(b, addr);
                }
                if (replacement == expected) {
                    replacement = copy(b, replacement);
                }
                b.inst(payload(op, t, aux(null, big), 1, 3), 0, defFixed(vreg[inst.result().id()], RAX),
                        lateUse(addr), useFixed(expected, RAX), lateUse(replacement));
            }
            case ATOMIC_RMW -> {
                Type t = inst.result().type();
                AtomicRmwOp rmw = inst.atomicOp();
                int addr = vreg[inst.operand(0).id()];
                int x = vreg[inst.operand(1).id()];
                int result = vreg[inst.result().id()];
                if (isSingleInstruction(rmw, big)) {
                    if (addr == x) {
                        x = copy(b, x);
                    }
                    b.inst(payload(op, t, aux(rmw, big), 1, 2), 0, defReuse(result, 2), lateUse(addr), use(x));
                } else {
                    b.inst(payload(op, t, aux(rmw, big), 1, 2), 0, defFixed(result, RAX), lateUse(addr),
                            lateUse(x));
                }
            }
            default -> throw new IllegalArgumentException(op.text() + " is not atomic");
        }
    }

    private static X64Inst payload(Opcode op, Type t, int aux, int nDefs, int nUses) {
        return new X64Inst(Kind.IR, op, t, t, 0, aux, null, null, nDefs, nUses);
    }

    private static int copy(MachFunctionBuilder b, int src) {
        int c = b.newVReg(RegClass.INT);
        b.inst(new X64Inst(Kind.COPY, null, null, null, 0, 0, null, null, 1, 1), 0, defReuse(c, 1), use(src));
        return c;
    }
}
