package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.BitSet;
import java.util.List;

/**
 * Which values are live on entry to and on exit from each block, by path exploration from the
 * uses ({@link LiveInSolver}): memory linear in the function plus the live-in sets themselves.
 *
 * <p>Block parameters are treated SSA-style: a parameter is defined at its block's entry (so it
 * is never live into its own block), and a branch argument is used at the branch, in the
 * predecessor. A value is live at a point if some path from there reaches a use before the value
 * is defined again (which in SSA never happens). Unreachable blocks are analysed too.
 */
public final class Liveness {
    private final Function function;
    private final ControlFlowGraph cfg;
    /** Per block, the ids live on entry, ascending. */
    private final int[][] liveIn;

    private Liveness(ControlFlowGraph cfg) {
        this.cfg = cfg;
        this.function = cfg.function();
        int n = cfg.blockCount();
        LiveInSolver solver = new LiveInSolver(n, function.valueCount());
        // definedIn[v] == b + 1 once block b has defined v: a later use in b is not upward-exposed.
        int[] definedIn = new int[function.valueCount()];
        for (int b = 0; b < n; b++) {
            localFacts(cfg.block(b), b, solver, definedIn);
        }
        this.liveIn = solver.solve(new LiveInSolver.Predecessors() {
            @Override
            public int count(int block) {
                return cfg.predecessors(block).length;
            }

            @Override
            public int get(int block, int index) {
                return cfg.predecessors(block)[index];
            }
        });
    }

    public static Liveness of(ControlFlowGraph cfg) {
        return new Liveness(cfg);
    }

    public static Liveness of(Function function) {
        return new Liveness(ControlFlowGraph.of(function));
    }

    /** Upward-exposed uses and the definitions of one block. */
    private static void localFacts(Block block, int b, LiveInSolver solver, int[] definedIn) {
        for (Value p : block.params()) {
            define(p, b, solver, definedIn);
        }
        for (Instruction inst : block.instructions()) {
            for (int i = 0; i < inst.operandCount(); i++) {
                use(inst.operand(i), b, solver, definedIn);
            }
            for (BlockCall c : inst.destinations()) {
                for (Value a : c.args()) {
                    use(a, b, solver, definedIn);
                }
            }
            for (int i = 0; i < inst.resultCount(); i++) {
                define(inst.result(i), b, solver, definedIn);
            }
        }
    }

    private static void define(Value v, int b, LiveInSolver solver, int[] definedIn) {
        definedIn[v.id()] = b + 1;
        solver.def(v.id(), b);
    }

    private static void use(Value v, int b, LiveInSolver solver, int[] definedIn) {
        if (definedIn[v.id()] != b + 1) {
            solver.upwardExposedUse(v.id(), b);
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
        return ValueSet.ofSorted(liveIn[block.id()]);
    }

    /** Values live on exit from {@code block}, after its terminator has read its arguments. */
    public ValueSet liveOut(Block block) {
        return ValueSet.of(liveOutBits(block));
    }

    private BitSet liveOutBits(Block block) {
        BitSet out = new BitSet();
        for (int s : cfg.successors(block.id())) {
            for (int id : liveIn[s]) {
                out.set(id);
            }
        }
        return out;
    }

    /**
     * Values live just after {@code inst}: its results if they are used later, and the values it
     * and the earlier code leave for later instructions and successors. Computed by a backward
     * scan of the rest of the block; a fresh set each call.
     */
    public ValueSet liveAfter(Instruction inst) {
        return ValueSet.of(liveAfterBits(inst));
    }

    /** As {@link #liveAfter}, as bits to compute with. */
    BitSet liveAfterBits(Instruction inst) {
        Block block = inst.block();
        BitSet live = liveOutBits(block);
        List<Instruction> insts = block.instructions();
        for (int i = insts.size() - 1; i > inst.indexInBlock(); i--) {
            stepBack(insts.get(i), live);
        }
        return live;
    }

    /** Values live just before {@code inst}; a fresh set each call. */
    public ValueSet liveBefore(Instruction inst) {
        BitSet live = liveAfterBits(inst);
        stepBack(inst, live);
        return ValueSet.of(live);
    }

    /** Turns the set live after {@code inst} into the set live before it. */
    private static void stepBack(Instruction inst, BitSet live) {
        for (int r = 0; r < inst.resultCount(); r++) {
            live.clear(inst.result(r).id());
        }
        for (int o = 0; o < inst.operandCount(); o++) {
            live.set(inst.operand(o).id());
        }
        for (BlockCall c : inst.destinations()) {
            for (Value a : c.args()) {
                live.set(a.id());
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
