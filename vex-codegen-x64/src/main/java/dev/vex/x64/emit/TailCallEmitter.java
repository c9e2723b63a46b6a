package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Gpr.RAX;
import static dev.vex.x64.asm.Gpr.RBP;
import static dev.vex.x64.asm.Gpr.RSP;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Mem.qword;

import dev.vex.code.Label;
import dev.vex.x64.isel.Kind;
import dev.vex.x64.isel.X64Inst;
import java.util.Map;

/**
 * The frame side of tail calls ({@code dev.vex.x64.abi.TailCallConvention}): growing the
 * incoming-argument area at entry, and the tail call itself.
 *
 * <p>A tail call, after the allocator has put the register arguments in place and the stack
 * arguments in the outgoing area at {@code [rsp]}: restore the callee-saved registers; copy the
 * stack arguments to the top of the incoming-argument area (above the return address, so they
 * never overlap the frame they come from); copy the return address to just below them; restore
 * the caller's rbp, point rsp at the return address and jump. Only r11 (scratch) and the target
 * in rax are used, so the argument registers survive.
 */
final class TailCallEmitter {
    private final FunctionEmitter fe;

    TailCallEmitter(FunctionEmitter fe) {
        this.fe = fe;
    }

    /**
     * Right after {@code push rbp; mov rbp, rsp} and the stack check: moves the saved rbp and the
     * return address down by {@code growth} bytes, making room above them.
     */
    void growArgumentArea(int growth) {
        fe.asm.sub(RSP, growth);
        fe.asm.mov(R11, qword(RBP, 8)).mov(qword(RSP, 8), R11);
        fe.asm.mov(R11, qword(RBP, 0)).mov(qword(RSP, 0), R11);
        fe.asm.mov(RBP, RSP);
    }

    /** Emits a {@link Kind#TAIL_CALL} or {@link Kind#TAIL_CALL_INDIRECT}; the callee-saved registers are already restored. */
    void tailCall(X64Inst p, Map<String, Label> functionLabels) {
        int region = (int) p.imm();
        int args = p.aux();
        int base = 16 + region - args;
        for (int off = args - 8; off >= 0; off -= 8) {
            fe.asm.mov(R11, qword(RSP, off)).mov(qword(RBP, base + off), R11);
        }
        if (region != args) {
            fe.asm.mov(R11, qword(RBP, 8)).mov(qword(RBP, base - 8), R11);
        }
        fe.asm.mov(R11, RBP).mov(RBP, qword(R11, 0)).lea(RSP, mem(R11, base - 8));
        if (p.kind() == Kind.TAIL_CALL_INDIRECT) {
            fe.asm.jmp(RAX);
            return;
        }
        Label l = functionLabels.get(p.symbol());
        if (l != null) {
            fe.asm.jmp(l);
        } else {
            fe.asm.jmp(p.symbol());
        }
    }
}
