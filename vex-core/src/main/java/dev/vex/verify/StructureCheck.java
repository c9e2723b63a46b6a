package dev.vex.verify;

import dev.vex.ir.AbiParam;
import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.List;

/**
 * The shape of a function: an entry block whose parameters are the signature's, and blocks that
 * each end in exactly one terminator.
 */
final class StructureCheck {
    private StructureCheck() {
    }

    static void run(FunctionErrors out) {
        Function fn = out.function();
        entry(fn, out);
        for (Block b : fn.blocks()) {
            terminators(b, out);
        }
    }

    private static void entry(Function fn, FunctionErrors out) {
        Block entry = fn.entryBlock();
        if (entry == null) {
            out.report(Rule.ENTRY, "the function has no blocks, so no entry block");
            return;
        }
        List<AbiParam> params = fn.signature().params();
        List<Value> actual = entry.params();
        if (actual.size() != params.size()) {
            out.report(Rule.ENTRY, entry, "the entry block " + entry + " has " + plural(actual.size(), "parameter")
                    + ", but the signature " + fn.signature() + " has " + params.size());
            return;
        }
        for (int i = 0; i < params.size(); i++) {
            if (actual.get(i).type() != params.get(i).type()) {
                out.report(Rule.ENTRY, entry, "the entry block's parameter " + actual.get(i) + " has type "
                        + actual.get(i).type() + ", but the signature's parameter " + i + " is " + params.get(i));
            }
        }
    }

    private static void terminators(Block b, FunctionErrors out) {
        List<Instruction> insts = b.instructions();
        if (insts.isEmpty()) {
            out.report(Rule.TERMINATOR, b, b + " is empty; every block must end in a terminator");
            return;
        }
        for (int i = 0; i < insts.size() - 1; i++) {
            Instruction inst = insts.get(i);
            if (inst.isTerminator()) {
                out.report(Rule.TERMINATOR, inst, "a terminator before the end of " + b
                        + "; the " + plural(insts.size() - 1 - i, "instruction") + " after it can never run");
            }
        }
        Instruction last = insts.get(insts.size() - 1);
        if (!last.isTerminator()) {
            out.report(Rule.TERMINATOR, last, b + " does not end in a terminator (a branch, return or trap)");
        }
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
