package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;

/**
 * The dominator tree of a function's reachable blocks, by the iterative algorithm of Cooper,
 * Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001): immediate dominators are
 * refined in reverse postorder until nothing changes, intersecting along the partial tree by
 * postorder numbers.
 *
 * <p>Dominance queries then cost O(1): each block gets the entry and exit times of a depth-first
 * walk of the tree, and a dominates b iff a's interval encloses b's. Unreachable blocks have no
 * immediate dominator, dominate nothing and are dominated by nothing (not even themselves).
 */
public final class DominatorTree {
    private final ControlFlowGraph cfg;
    /** Immediate dominator by block id; the entry's is itself while computing, -1 in the result. */
    private final int[] idom;
    private final int[] enter;
    private final int[] exit;
    private final int[] depth;

    private DominatorTree(ControlFlowGraph cfg) {
        this.cfg = cfg;
        int n = cfg.blockCount();
        idom = new int[n];
        java.util.Arrays.fill(idom, -1);
        int[] rpo = cfg.reversePostorder();
        if (rpo.length > 0) {
            computeIdoms(rpo);
        }
        enter = new int[n];
        exit = new int[n];
        depth = new int[n];
        java.util.Arrays.fill(enter, -1);
        java.util.Arrays.fill(exit, -1);
        if (rpo.length > 0) {
            number(rpo);
        }
    }

    public static DominatorTree of(ControlFlowGraph cfg) {
        return new DominatorTree(cfg);
    }

    public static DominatorTree of(Function function) {
        return new DominatorTree(ControlFlowGraph.of(function));
    }

    private void computeIdoms(int[] rpo) {
        int entry = rpo[0];
        idom[entry] = entry;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < rpo.length; i++) {
                int b = rpo[i];
                int newIdom = -1;
                for (int p : cfg.predecessors(b)) {
                    if (idom[p] < 0) {
                        continue; // not processed yet, or unreachable
                    }
                    newIdom = newIdom < 0 ? p : intersect(p, newIdom);
                }
                if (idom[b] != newIdom) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        idom[entry] = -1;
    }

    /** The nearest common ancestor in the partial tree, walking up by reverse-postorder number. */
    private int intersect(int a, int b) {
        while (a != b) {
            while (cfg.rpoNumber(a) > cfg.rpoNumber(b)) {
                a = idom[a];
            }
            while (cfg.rpoNumber(b) > cfg.rpoNumber(a)) {
                b = idom[b];
            }
        }
        return a;
    }

    /** Entry and exit times of an iterative depth-first walk over the tree. */
    private void number(int[] rpo) {
        int n = cfg.blockCount();
        // Children lists as a packed array: childStart[b] .. childStart[b + 1].
        int[] childStart = new int[n + 1];
        for (int b : rpo) {
            if (idom[b] >= 0) {
                childStart[idom[b] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        int[] children = new int[Math.max(rpo.length - 1, 0)];
        int[] fill = childStart.clone();
        for (int b : rpo) {
            if (idom[b] >= 0) {
                children[fill[idom[b]]++] = b;
            }
        }
        int[] stack = new int[rpo.length];
        int[] next = new int[n];
        int sp = 0;
        int clock = 0;
        stack[sp++] = rpo[0];
        enter[rpo[0]] = clock++;
        while (sp > 0) {
            int b = stack[sp - 1];
            int c = childStart[b] + next[b];
            if (c < childStart[b + 1]) {
                next[b]++;
                int child = children[c];
                depth[child] = depth[b] + 1;
                enter[child] = clock++;
                stack[sp++] = child;
            } else {
                exit[b] = clock++;
                sp--;
            }
        }
    }

    public ControlFlowGraph cfg() {
        return cfg;
    }

    /** The immediate dominator's block id, or -1 for the entry and unreachable blocks. */
    public int idom(int b) {
        return idom[b];
    }

    /** The immediate dominator, or null for the entry and unreachable blocks. */
    public Block idom(Block b) {
        int d = idom[b.id()];
        return d < 0 ? null : cfg.block(d);
    }

    /** Depth in the tree: 0 for the entry; meaningless for unreachable blocks. */
    public int depth(int b) {
        return depth[b];
    }

    /** Whether block {@code a} dominates block {@code b} (every block dominates itself). */
    public boolean dominates(int a, int b) {
        return enter[a] >= 0 && enter[b] >= 0 && enter[a] <= enter[b] && exit[b] <= exit[a];
    }

    public boolean dominates(Block a, Block b) {
        return dominates(a.id(), b.id());
    }

    /** Whether {@code a} strictly dominates {@code b}. */
    public boolean strictlyDominates(int a, int b) {
        return a != b && dominates(a, b);
    }

    /**
     * Whether instruction {@code a} dominates instruction {@code b}: every path from the entry to
     * {@code b} passes {@code a} first. An instruction dominates itself.
     */
    public boolean dominates(Instruction a, Instruction b) {
        Block ab = a.block();
        Block bb = b.block();
        if (ab == bb) {
            return a.indexInBlock() <= b.indexInBlock() && cfg.isReachable(ab);
        }
        return dominates(ab, bb);
    }

    /**
     * Whether the definition of {@code v} dominates its use by {@code user}: a block parameter is
     * defined on entry to its block; a result after its instruction, so an instruction does not
     * dominate its own uses of its results.
     */
    public boolean dominatesUse(Value v, Instruction user) {
        Block defBlock = v.block();
        Block useBlock = user.block();
        if (defBlock == null || useBlock == null) {
            return false;
        }
        if (v.isBlockParam()) {
            return dominates(defBlock, useBlock);
        }
        Instruction def = v.definingInstruction();
        if (defBlock == useBlock) {
            return def.indexInBlock() < user.indexInBlock() && cfg.isReachable(useBlock);
        }
        return dominates(defBlock, useBlock);
    }

    /** One line per reachable block in reverse postorder: {@code block3 idom block1}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int b : cfg.reversePostorder()) {
            sb.append(cfg.block(b)).append(" idom ").append(idom[b] < 0 ? "-" : cfg.block(idom[b]).toString())
                    .append('\n');
        }
        return sb.toString();
    }
}
