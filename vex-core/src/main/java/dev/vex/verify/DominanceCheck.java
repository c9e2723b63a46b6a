package dev.vex.verify;

import dev.vex.analysis.DominatorTree;
import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;

/**
 * SSA dominance: every use of a value is dominated by its definition; in the same block the
 * definition comes first. In an unreachable block dominance means nothing, so there only the
 * same-block order is checked (a value may not be used before the instruction defining it).
 */
final class DominanceCheck {
    private DominanceCheck() {
    }

    static void run(FunctionErrors out, DominatorTree dom) {
        Function fn = out.function();
        for (Block b : fn.blocks()) {
            boolean reachable = dom.cfg().isReachable(b);
            for (Instruction inst : b.instructions()) {
                for (int i = 0; i < inst.operandCount(); i++) {
                    if (!repeated(inst, i)) {
                        check(inst.operand(i), inst, null, reachable, dom, out);
                    }
                }
                for (BlockCall c : inst.destinations()) {
                    for (Value a : c.args()) {
                        check(a, inst, c.block(), reachable, dom, out);
                    }
                }
            }
        }
    }

    /** Whether operand {@code i} already appeared earlier in the list: one error per value and instruction. */
    private static boolean repeated(Instruction inst, int i) {
        for (int j = 0; j < i; j++) {
            if (inst.operand(j) == inst.operand(i)) {
                return true;
            }
        }
        return false;
    }

    private static void check(Value v, Instruction user, Block target, boolean reachable, DominatorTree dom,
            FunctionErrors out) {
        Block defBlock = v.block();
        Block useBlock = user.block();
        String what = target == null ? v.toString() : v + " (an argument to " + target + ")";
        if (defBlock == useBlock) {
            if (!v.isBlockParam() && v.definingInstruction().indexInBlock() >= user.indexInBlock()) {
                out.report(Rule.DOMINANCE, user, what + " is used before it is defined");
            }
            return;
        }
        if (reachable && !dom.dominatesUse(v, user)) {
            String where = v.isBlockParam() ? "a parameter of " + defBlock : "defined in " + defBlock;
            String why = dom.cfg().isReachable(defBlock) ? ", which does not dominate " + useBlock
                    : ", which is unreachable";
            out.report(Rule.DOMINANCE, user, what + " is " + where + why + ": not every path to this use defines it");
        }
    }
}
