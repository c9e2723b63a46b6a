package dev.vex.x64.emit;

import static dev.vex.x64.asm.Gpr.R11;
import static dev.vex.x64.asm.Gpr.R12;
import static dev.vex.x64.asm.Gpr.RAX;
import static dev.vex.x64.asm.Gpr.RBP;
import static dev.vex.x64.asm.Gpr.RBX;
import static dev.vex.x64.asm.Gpr.RDI;
import static dev.vex.x64.asm.Gpr.RSI;
import static dev.vex.x64.asm.Gpr.RSP;
import static dev.vex.x64.asm.Mem.mem;
import static dev.vex.x64.asm.Mem.qword;

import dev.vex.code.Label;
import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import dev.vex.x64.abi.AbiLayout;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.Gpr;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.asm.Xmm;

/**
 * The array-call entry of a function, {@code void entry(const uint64_t *args, uint64_t *results)}:
 * loads one canonical 64-bit slot per parameter (two for an {@code i128}, low half first) into
 * its registers or stack slots, passes a return area when the function needs one, calls the
 * function, and stores every result as canonical slots (integers are already zero-extended; an
 * f32 is stored as its 32 bits zero-extended, an f64 as its 64 bits).
 */
public final class ArrayEntryEmitter {
    private ArrayEntryEmitter() {}

    public static void emit(X64Assembler asm, String symbol, Signature sig, Label function) {
        AbiLayout abi = AbiLayout.of(sig);
        asm.defineSymbol(symbol);
        asm.push(RBP).mov(RBP, RSP).push(RBX).push(R12);
        asm.mov(RBX, RSI).mov(R12, RDI);
        int area = (abi.stackArgBytes() + abi.returnAreaBytes() + 15) & -16;
        if (area > 0) {
            asm.sub(RSP, area);
        }
        int[] slot = slots(sig.params().stream().map(p -> p.type()).toList());
        for (int i = 0; i < sig.params().size(); i++) {
            for (int half = 0; half < sig.paramType(i).longs(); half++) {
                int loc = half == 0 ? abi.param(i) : abi.paramHigh(i);
                if (AbiLayout.isStack(loc)) {
                    asm.mov(RAX, qword(R12, 8 * (slot[i] + half))).mov(qword(RSP, AbiLayout.stackOffset(loc)), RAX);
                }
            }
        }
        for (int i = 0; i < sig.params().size(); i++) {
            for (int half = 0; half < sig.paramType(i).longs(); half++) {
                int loc = half == 0 ? abi.param(i) : abi.paramHigh(i);
                if (AbiLayout.isStack(loc)) {
                    continue;
                }
                if (loc >= X64MachineSpec.XMM0) {
                    asm.movsd(Xmm.of(loc - X64MachineSpec.XMM0), qword(R12, 8 * slot[i]));
                } else {
                    asm.mov(Gpr.of(loc, 64), qword(R12, 8 * (slot[i] + half)));
                }
            }
        }
        if (abi.hasReturnArea()) {
            asm.lea(RDI, mem(RSP, abi.stackArgBytes()));
        }
        asm.call(function);
        int popped = dev.vex.x64.abi.TailCallConvention.popBytes(sig);
        if (popped > 0) {
            asm.sub(RSP, popped); // a tail-convention callee popped its stack arguments
        }
        int[] out = slots(sig.returns().stream().map(p -> p.type()).toList());
        for (int i = 0; i < sig.returns().size(); i++) {
            Type t = sig.returnType(i);
            for (int half = 0; half < t.longs(); half++) {
                int loc = half == 0 ? abi.result(i) : abi.resultHigh(i);
                int o = 8 * (out[i] + half);
                if (AbiLayout.isStack(loc)) {
                    asm.mov(R11, qword(RSP, abi.stackArgBytes() + AbiLayout.stackOffset(loc)));
                    asm.mov(qword(RBX, o), R11);
                } else if (t == Type.F32) {
                    asm.movd(R11.withBits(32), Xmm.of(loc - X64MachineSpec.XMM0));
                    asm.mov(qword(RBX, o), R11);
                } else if (t == Type.F16) {
                    asm.movd(R11.withBits(32), Xmm.of(loc - X64MachineSpec.XMM0));
                    asm.movzx(R11.withBits(32), R11.withBits(16));
                    asm.mov(qword(RBX, o), R11);
                } else if (t == Type.F64) {
                    asm.movsd(qword(RBX, o), Xmm.of(loc - X64MachineSpec.XMM0));
                } else {
                    asm.mov(qword(RBX, o), Gpr.of(loc, 64));
                }
            }
        }
        asm.lea(RSP, mem(RBP, -16)).pop(R12).pop(RBX).pop(RBP).ret();
    }

    /** The first array slot of each value: an {@code i128} takes two, low half first. */
    private static int[] slots(java.util.List<Type> types) {
        int[] first = new int[types.size()];
        int next = 0;
        for (int i = 0; i < first.length; i++) {
            first[i] = next;
            next += types.get(i).longs();
        }
        return first;
    }
}
