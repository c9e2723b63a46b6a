package dev.vex.verify;

import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Opcode;
import dev.vex.ir.ParamFlag;
import dev.vex.ir.Signature;
import dev.vex.ir.Value;
import java.util.Arrays;
import java.util.List;

/**
 * For every value, the borrowed parameter or the lock guard it was derived from, if any: a
 * forward data flow over the SSA graph, through block-parameter edges, to a fixed point.
 *
 * <p>Borrows start at the entry parameters flagged {@code borrow} or {@code borrow_mut} and flow
 * through pointer arithmetic: {@code iadd}, {@code iadd_imm}, {@code isub} (from its first
 * operand: {@code p - q} of two borrows is a distance, but of one it is still a pointer),
 * {@code select}, masks ({@code band}, {@code bor}, {@code band_imm}, {@code bor_imm},
 * {@code band_not}), width changes and {@code bitcast}. A load through a borrowed pointer is a
 * copy and derives from nothing.
 *
 * <p>Guards start at results flagged {@code guard} of a call (or await) and flow only through
 * {@code select} and block parameters: a guard is a token, not something to compute with.
 *
 * <p>Values derive from the first origin found; that is all a message needs.
 */
final class PointerOrigins {
    private final int[] borrowOrigin;
    private final int[] guardOrigin;

    private PointerOrigins(Function fn) {
        int n = fn.valueCount();
        borrowOrigin = new int[n];
        guardOrigin = new int[n];
        Arrays.fill(borrowOrigin, -1);
        Arrays.fill(guardOrigin, -1);
        seed(fn);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : fn.blocks()) {
                for (Instruction inst : b.instructions()) {
                    changed |= flow(inst);
                }
            }
        }
    }

    static PointerOrigins of(Function fn) {
        return new PointerOrigins(fn);
    }

    /** The borrowed parameter {@code v} derives from, or null. */
    Value borrowOrigin(Value v, Function fn) {
        int o = borrowOrigin[v.id()];
        return o < 0 ? null : fn.values().get(o);
    }

    /** The guard result {@code v} derives from, or null. */
    Value guardOrigin(Value v, Function fn) {
        int o = guardOrigin[v.id()];
        return o < 0 ? null : fn.values().get(o);
    }

    private void seed(Function fn) {
        Block entry = fn.entryBlock();
        if (entry != null) {
            List<AbiParam> params = fn.signature().params();
            for (int i = 0; i < Math.min(params.size(), entry.params().size()); i++) {
                if (params.get(i).isBorrow()) {
                    int id = entry.param(i).id();
                    borrowOrigin[id] = id;
                }
            }
        }
        for (Block b : fn.blocks()) {
            for (Instruction inst : b.instructions()) {
                Signature sig = calleeSignature(inst);
                if (sig == null) {
                    continue;
                }
                for (int r = 0; r < Math.min(inst.resultCount(), sig.returns().size()); r++) {
                    if (sig.returns().get(r).has(ParamFlag.GUARD)) {
                        int id = inst.result(r).id();
                        guardOrigin[id] = id;
                    }
                }
            }
        }
    }

    private static Signature calleeSignature(Instruction inst) {
        return switch (inst.opcode()) {
            case CALL, AWAIT, AWAIT_BOXED -> inst.funcRef().signature();
            case CALL_INDIRECT, AWAIT_INDIRECT -> inst.sigRef().signature();
            default -> null;
        };
    }

    /** Propagates along one instruction; whether anything changed. */
    private boolean flow(Instruction inst) {
        boolean changed = false;
        for (BlockCall c : inst.destinations()) {
            List<Value> args = c.args();
            for (int i = 0; i < Math.min(args.size(), c.block().params().size()); i++) {
                int to = c.block().param(i).id();
                changed |= copy(borrowOrigin, args.get(i), to);
                changed |= copy(guardOrigin, args.get(i), to);
            }
        }
        if (inst.resultCount() != 1) {
            return changed;
        }
        int to = inst.result(0).id();
        Opcode op = inst.opcode();
        switch (op) {
            case IADD, BAND, BOR -> {
                changed |= copy(borrowOrigin, inst.operand(0), to);
                changed |= copy(borrowOrigin, inst.operand(1), to);
            }
            case ISUB, BAND_NOT, IADD_IMM, BAND_IMM, BOR_IMM, UEXTEND, SEXTEND, IREDUCE, BITCAST ->
                    changed |= copy(borrowOrigin, inst.operand(0), to);
            case SELECT, SELECT_SPECTRE_GUARD -> {
                for (int i = 1; i <= 2; i++) {
                    changed |= copy(borrowOrigin, inst.operand(i), to);
                    changed |= copy(guardOrigin, inst.operand(i), to);
                }
            }
            default -> { }
        }
        return changed;
    }

    private static boolean copy(int[] origin, Value from, int to) {
        int o = origin[from.id()];
        if (o >= 0 && origin[to] < 0) {
            origin[to] = o;
            return true;
        }
        return false;
    }
}
