package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import java.util.Arrays;
import java.util.List;

/**
 * The control-flow graph of a function: successors and predecessors of every block (by
 * {@link Block#id()}, each edge once even if a branch names a block twice), the reverse postorder
 * of a depth-first walk from the entry, and which blocks that walk reaches.
 *
 * <p>A block's successors come from its terminator only (its last instruction, if that is one);
 * a block without a terminator has none. The walk visits successors in branch order, so the
 * reverse postorder is deterministic.
 */
public final class ControlFlowGraph {
    private static final int[] NONE = new int[0];

    private final Function function;
    private final List<Block> blocks;
    private final int[][] successors;
    private final int[][] predecessors;
    private final int[] reversePostorder;
    private final int[] rpoNumber;

    private ControlFlowGraph(Function function) {
        this.function = function;
        this.blocks = function.blocks();
        int n = function.blockCount();
        successors = new int[n][];
        int[] predCount = new int[n];
        int[] scratch = new int[4];
        for (int b = 0; b < n; b++) {
            Instruction t = blocks.get(b).terminator();
            int count = 0;
            if (t != null) {
                int dests = t.destinations().size();
                if (scratch.length < dests) {
                    scratch = new int[dests];
                }
                for (int i = 0; i < dests; i++) {
                    int s = t.destination(i).block().id();
                    boolean seen = false;
                    for (int j = 0; j < count && !seen; j++) {
                        seen = scratch[j] == s;
                    }
                    if (!seen) {
                        scratch[count++] = s;
                        predCount[s]++;
                    }
                }
            }
            successors[b] = count == 0 ? NONE : Arrays.copyOf(scratch, count);
        }
        predecessors = new int[n][];
        for (int b = 0; b < n; b++) {
            predecessors[b] = predCount[b] == 0 ? NONE : new int[predCount[b]];
            predCount[b] = 0;
        }
        for (int b = 0; b < n; b++) {
            for (int s : successors[b]) {
                predecessors[s][predCount[s]++] = b;
            }
        }
        rpoNumber = new int[n];
        Arrays.fill(rpoNumber, -1);
        reversePostorder = n == 0 ? NONE : walk(n);
    }

    /** The graph of {@code function}. */
    public static ControlFlowGraph of(Function function) {
        return new ControlFlowGraph(function);
    }

    /** Iterative depth-first walk from the entry; fills {@link #rpoNumber}. */
    private int[] walk(int n) {
        int[] post = new int[n];
        int postCount = 0;
        int[] stack = new int[n];
        int[] nextChild = new int[n];
        boolean[] visited = new boolean[n];
        int sp = 0;
        stack[sp++] = 0;
        visited[0] = true;
        while (sp > 0) {
            int b = stack[sp - 1];
            int[] succ = successors[b];
            if (nextChild[b] < succ.length) {
                int s = succ[nextChild[b]++];
                if (!visited[s]) {
                    visited[s] = true;
                    stack[sp++] = s;
                }
            } else {
                sp--;
                post[postCount++] = b;
            }
        }
        int[] rpo = new int[postCount];
        for (int i = 0; i < postCount; i++) {
            rpo[i] = post[postCount - 1 - i];
            rpoNumber[rpo[i]] = i;
        }
        return rpo;
    }

    public Function function() {
        return function;
    }

    public int blockCount() {
        return successors.length;
    }

    /** Successor block ids of block {@code b}, each once, in branch order. Do not modify. */
    public int[] successors(int b) {
        return successors[b];
    }

    /** Predecessor block ids of block {@code b}, each once, in layout order. Do not modify. */
    public int[] predecessors(int b) {
        return predecessors[b];
    }

    /** The reachable block ids in reverse postorder; the entry first. Do not modify. */
    public int[] reversePostorder() {
        return reversePostorder;
    }

    /** Position of block {@code b} in {@link #reversePostorder()}, or -1 if it is unreachable. */
    public int rpoNumber(int b) {
        return rpoNumber[b];
    }

    public boolean isReachable(int b) {
        return rpoNumber[b] >= 0;
    }

    public boolean isReachable(Block b) {
        return rpoNumber[b.id()] >= 0;
    }

    /** The block with id {@code b}. */
    public Block block(int b) {
        return blocks.get(b);
    }

    /**
     * One line per block in layout order: {@code block1: preds block0 block2; succs block3},
     * unreachable blocks marked.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < blockCount(); b++) {
            sb.append(block(b)).append(": preds");
            for (int p : predecessors[b]) {
                sb.append(' ').append(block(p));
            }
            sb.append("; succs");
            for (int s : successors[b]) {
                sb.append(' ').append(block(s));
            }
            if (!isReachable(b)) {
                sb.append(" (unreachable)");
            }
            sb.append('\n');
        }
        sb.append("rpo:");
        for (int b : reversePostorder) {
            sb.append(' ').append(block(b));
        }
        return sb.append('\n').toString();
    }
}
