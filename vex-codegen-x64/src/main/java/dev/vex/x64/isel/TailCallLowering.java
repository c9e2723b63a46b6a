package dev.vex.x64.isel;

import static dev.vex.backend.Operand.use;
import static dev.vex.backend.Operand.useFixed;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunctionBuilder;
import dev.vex.backend.RegClass;
import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.Signature;
import dev.vex.x64.abi.AbiLayout;
import dev.vex.x64.abi.TailCallConvention;
import dev.vex.x64.abi.X64MachineSpec;

/**
 * Lowers {@code return_call} and {@code return_call_indirect} to one terminator
 * ({@link Kind#TAIL_CALL}, {@link Kind#TAIL_CALL_INDIRECT}); {@link TailCallConvention} has the
 * frame protocol. The register arguments are fixed uses of their registers, the stack arguments
 * are staged in the outgoing-argument area at the bottom of the frame ({@link Kind#OUT_STORE})
 * and the emitter moves them into the incoming-argument area after the frame is given up; an
 * indirect target is a fixed use of rax, which no argument and no callee-saved register uses.
 * A callee with a return area gets the caller's own (the verifier made the results the same).
 *
 * <p>The payload: {@code imm} the size of the caller's incoming-argument area that the tail
 * call may use (its growth plus what it pops), {@code aux} the stack-argument bytes the callee
 * takes (rounded up to 16), {@code symbol} the callee of a direct tail call.
 */
final class TailCallLowering {
    private TailCallLowering() {
    }

    /** The growth of {@code f}'s incoming-argument area that its tail calls need. */
    static int growth(Function f) {
        int max = 0;
        for (Block blk : f.blocks()) {
            Instruction t = blk.terminator();
            if (t != null && (t.opcode() == Opcode.RETURN_CALL || t.opcode() == Opcode.RETURN_CALL_INDIRECT)) {
                max = Math.max(max, TailCallConvention.tailCallArgBytes(calleeSignature(t)));
            }
        }
        return TailCallConvention.growth(TailCallConvention.popBytes(f.signature()), max);
    }

    private static Signature calleeSignature(Instruction t) {
        return t.opcode() == Opcode.RETURN_CALL ? t.funcRef().signature() : t.sigRef().signature();
    }

    /**
     * @param symbol     the direct callee's symbol, null for an indirect call
     * @param region     the growth plus the caller's pop size
     * @param retAreaPtr the vreg of the caller's incoming return-area address, -1 if it has none
     */
    static void lower(MachFunctionBuilder b, Function f, Instruction inst, int[] vreg, String symbol, int region,
            int retAreaPtr) {
        Signature sig = calleeSignature(inst);
        if (!TailCallConvention.calleePops(sig) && AbiLayout.of(sig).stackArgBytes() > 0) {
            throw new BackendException(f.name(), inst.opcode().text() + " to a callee with stack arguments needs the"
                    + " tail calling convention (the callee pops them), but the callee's is "
                    + (sig.callConv() == null ? "the default" : sig.callConv()));
        }
        AbiLayout cl = AbiLayout.of(sig);
        boolean indirect = symbol == null;
        int first = indirect ? 1 : 0;
        int np = sig.params().size();
        int[] ops = new int[np + 2];
        int[] used = new int[np + 1];
        int k = 0;
        int nUsed = 0;
        for (int i = 0; i < np; i++) {
            int a = vreg[inst.operand(first + i).id()];
            a = distinct(b, a, used, nUsed, InstructionSelector.classOf(sig.paramType(i)));
            used[nUsed++] = a;
            int loc = cl.param(i);
            if (AbiLayout.isStack(loc)) {
                b.inst(new X64Inst(Kind.OUT_STORE, null, sig.paramType(i), null, AbiLayout.stackOffset(loc), 0, null,
                        null, 0, 1), 0, use(a));
            } else {
                ops[k++] = useFixed(a, loc);
            }
        }
        if (cl.hasReturnArea()) {
            if (retAreaPtr < 0) {
                throw new BackendException(f.name(), inst.opcode().text() + " needs the caller's return area");
            }
            ops[k++] = useFixed(distinct(b, retAreaPtr, used, nUsed, RegClass.INT), AbiLayout.returnAreaRegister());
        }
        if (indirect) {
            int target = distinct(b, vreg[inst.operand(0).id()], used, nUsed, RegClass.INT);
            ops[k++] = useFixed(target, X64MachineSpec.RAX);
        }
        b.outgoingArgBytes(cl.stackArgBytes());
        Kind kind = indirect ? Kind.TAIL_CALL_INDIRECT : Kind.TAIL_CALL;
        b.ret(new X64Inst(kind, null, null, null, region, TailCallConvention.tailCallArgBytes(sig), null, symbol, 0, k),
                java.util.Arrays.copyOf(ops, k));
    }

    /** {@code v}, or a copy of it if it already is one of the first {@code n} fixed uses. */
    private static int distinct(MachFunctionBuilder b, int v, int[] used, int n, RegClass cls) {
        for (int j = 0; j < n; j++) {
            if (used[j] == v) {
                int c = b.newVReg(cls);
                b.inst(new X64Inst(Kind.COPY, null, null, null, 0, 0, null, null, 1, 1), 0,
                        dev.vex.backend.Operand.defReuse(c, 1), use(v));
                return c;
            }
        }
        return v;
    }
}
