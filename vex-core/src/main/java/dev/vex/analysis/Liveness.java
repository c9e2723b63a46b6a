package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.List;

/**
 * Which values are live on entry to and on exit from each block, by backward data flow to a fixed
 * point over bit sets.
 *
 * <p>Block parameters are treated SSA-style: a parameter is defined at its block's entry (so it
 * is never live into its own block), and a branch argument is used at the branch, in the
 * predecessor. A value is live at a point if some path from there reaches a use before the value
 * is defined again (which in SSA never happens). Unreachable blocks are analysed too.
 */
public final class Liveness {
    private final Function function;
    private final ControlFlowGraph cfg;
    private final ValueSet[] liveIn;
    private final ValueSet[] liveOut;

    private Liveness(ControlFlowGraph cfg) {
        this.cfg = cfg;
        this.function = cfg.function();
        int n = cfg.blockCount();
        int values = function.valueCount();
        ValueSet[] uses = new ValueSet[n];
        ValueSet[] defs = new ValueSet[n];
        liveIn = new ValueSet[n];
        liveOut = new ValueSet[n];
        for (int b = 0; b < n; b++) {
            uses[b] = new ValueSet(values);
            defs[b] = new ValueSet(values);
            localFacts(cfg.block(b), uses[b], defs[b]);
            liveIn[b] = uses[b].copy();
            liveOut[b] = new ValueSet(values);
        }
        int[] order = backwardOrder();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int b : order) {
                for (int s : cfg.successors(b)) {
                    liveOut[b].addAll(liveIn[s]);
                }
                // liveIn = uses | (liveOut - defs); liveIn started as uses and only grows.
                changed |= liveIn[b].addAllExcept(liveOut[b], defs[b]);
            }
        }
    }

    public static Liveness of(ControlFlowGraph cfg) {
        return new Liveness(cfg);
    }

    public static Liveness of(Function function) {
        return new Liveness(ControlFlowGraph.of(function));
    }

    /** Postorder of the reachable blocks (fast convergence backwards), then the unreachable ones. */
    private int[] backwardOrder() {
        int[] rpo = cfg.reversePostorder();
        int n = cfg.blockCount();
        int[] order = new int[n];
        int k = 0;
        for (int i = rpo.length - 1; i >= 0; i--) {
            order[k++] = rpo[i];
        }
        for (int b = 0; b < n; b++) {
            if (!cfg.isReachable(b)) {
                order[k++] = b;
            }
        }
        return order;
    }

    /** Upward-exposed uses and the definitions of one block. */
    private static void localFacts(Block block, ValueSet uses, ValueSet defs) {
        for (Value p : block.params()) {
            defs.add(p.id());
        }
        for (Instruction inst : block.instructions()) {
            for (int i = 0; i < inst.operandCount(); i++) {
                use(inst.operand(i), uses, defs);
            }
            for (BlockCall c : inst.destinations()) {
                for (Value a : c.args()) {
                    use(a, uses, defs);
                }
            }
            for (int i = 0; i < inst.resultCount(); i++) {
                defs.add(inst.result(i).id());
            }
        }
    }

    private static void use(Value v, ValueSet uses, ValueSet defs) {
        if (!defs.contains(v.id())) {
            uses.add(v.id());
        }
    }

    public Function function() {
        return function;
    }

    public ControlFlowGraph cfg() {
        return cfg;
    }

    /** Values live on entry to {@code block} (never its own parameters). */
    public ValueSet liveIn(Block block) {
        return liveIn[block.id()];
    }

    /** Values live on exit from {@code block}, after its terminator has read its arguments. */
    public ValueSet liveOut(Block block) {
        return liveOut[block.id()];
    }

    /**
     * Values live just after {@code inst}: its results if they are used later, and the values it
     * and the earlier code leave for later instructions and successors. Computed by a backward
     * scan of the rest of the block; a fresh set each call.
     */
    public ValueSet liveAfter(Instruction inst) {
        Block block = inst.block();
        ValueSet live = liveOut[block.id()].copy();
        List<Instruction> insts = block.instructions();
        for (int i = insts.size() - 1; i > inst.indexInBlock(); i--) {
            stepBack(insts.get(i), live);
        }
        return live;
    }

    /** Values live just before {@code inst}; a fresh set each call. */
    public ValueSet liveBefore(Instruction inst) {
        ValueSet live = liveAfter(inst);
        stepBack(inst, live);
        return live;
    }

    /** Turns the set live after {@code inst} into the set live before it. */
    private static void stepBack(Instruction inst, ValueSet live) {
        for (int r = 0; r < inst.resultCount(); r++) {
            live.remove(inst.result(r).id());
        }
        for (int o = 0; o < inst.operandCount(); o++) {
            live.add(inst.operand(o).id());
        }
        for (BlockCall c : inst.destinations()) {
            for (Value a : c.args()) {
                live.add(a.id());
            }
        }
    }

    /** One line per block in layout order: {@code block1: in v0, v2; out v2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Block b : function.blocks()) {
            sb.append(b).append(": in ").append(liveIn(b).describe(function)).append("; out ")
                    .append(liveOut(b).describe(function)).append('\n');
        }
        return sb.toString();
    }
}
