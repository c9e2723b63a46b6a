package dev.vex.analysis;

import java.util.Arrays;

/**
 * Live-in sets of a control-flow graph by path exploration (Brandner, Boissinot, Darte, Dupont de
 * Dinechin and Rastello, "Computing Liveness Sets for SSA-Form Programs", 2011): for each value,
 * start at every block that reads it before any definition of its own, mark it live-in there, and
 * walk backwards through predecessors, stopping at blocks that define it and at blocks already
 * marked.
 *
 * <p>Memory is linear in the function (its uses, definitions and edges) plus the size of the
 * answer itself; the time is that of the answer times the in-degree. A bit set per block over all
 * values, as iterative data flow keeps, is quadratic instead: 40,000 blocks took gigabytes.
 *
 * <p>It does not need SSA: a value may be defined in several blocks (as a machine function's
 * virtual registers may be). Callers report the facts of each block, then {@link #solve}.
 */
public final class LiveInSolver {
    /** The predecessors of each block. */
    public interface Predecessors {
        int count(int block);

        int get(int block, int index);
    }

    private static final int[] EMPTY = new int[0];

    private int blocks;
    private int values;
    private final FactList uses = new FactList();
    private final FactList defs = new FactList();
    // Scratch of solve(), kept for the next function when the solver is reused (see reset).
    private int[] useStart = EMPTY;
    private int[] defStart = EMPTY;
    private int[] definedMark = EMPTY;
    private int[] liveMark = EMPTY;
    private int[] stack = EMPTY;
    private int[] sizes = EMPTY;

    /** A solver for a graph of {@code blocks} blocks and values numbered below {@code values}. */
    public LiveInSolver(int blocks, int values) {
        this.blocks = blocks;
        this.values = values;
    }

    /**
     * Forgets every fact and starts on another graph, keeping the memory of the last one: a
     * compiler that solves one function after another allocates only the answers.
     */
    public void reset(int blocks, int values) {
        this.blocks = blocks;
        this.values = values;
        uses.size = 0;
        defs.size = 0;
    }

    /** {@code block} reads {@code value} before defining it (or without defining it). */
    public void upwardExposedUse(int value, int block) {
        uses.add(value, block);
    }

    /** {@code block} defines {@code value}: the value is not live into it from above unless also read first. */
    public void def(int value, int block) {
        defs.add(value, block);
    }

    /** Per block, the values live on entry, in ascending order (arrays may be shared when empty). */
    public int[][] solve(Predecessors preds) {
        int[] useStart = this.useStart = cleared(this.useStart, values + 1);
        int[] useBlocks = uses.byValue(values, useStart);
        int[] defStart = this.defStart = cleared(this.defStart, values + 1);
        int[] defBlocks = defs.byValue(values, defStart);
        // Stamps: block b is marked for value v when its entry holds v + 1; cleared per solve.
        int[] definedMark = this.definedMark = cleared(this.definedMark, blocks);
        int[] liveMark = this.liveMark = cleared(this.liveMark, blocks);
        int[] stack = this.stack = this.stack.length >= blocks ? this.stack : new int[blocks];
        int[][] liveIn = new int[blocks][];
        int[] sizes = this.sizes = cleared(this.sizes, blocks);
        for (int v = 0; v < values; v++) {
            if (useStart[v] == useStart[v + 1]) {
                continue;
            }
            int stamp = v + 1;
            for (int i = defStart[v]; i < defStart[v + 1]; i++) {
                definedMark[defBlocks[i]] = stamp;
            }
            int top = 0;
            for (int i = useStart[v]; i < useStart[v + 1]; i++) {
                int b = useBlocks[i];
                if (liveMark[b] != stamp) {
                    liveMark[b] = stamp;
                    append(liveIn, sizes, b, v);
                    stack[top++] = b;
                }
            }
            while (top > 0) {
                int b = stack[--top];
                for (int k = 0, n = preds.count(b); k < n; k++) {
                    int p = preds.get(b, k);
                    if (definedMark[p] != stamp && liveMark[p] != stamp) {
                        liveMark[p] = stamp;
                        append(liveIn, sizes, p, v);
                        stack[top++] = p;
                    }
                }
            }
        }
        for (int b = 0; b < blocks; b++) {
            liveIn[b] = sizes[b] == 0 ? EMPTY : liveIn[b].length == sizes[b] ? liveIn[b] : Arrays.copyOf(liveIn[b], sizes[b]);
        }
        return liveIn;
    }

    /** {@code a} if it holds {@code n} entries (its first {@code n} zeroed), else a new array. */
    private static int[] cleared(int[] a, int n) {
        if (a.length < n) {
            return new int[n];
        }
        Arrays.fill(a, 0, n, 0);
        return a;
    }

    /** Values arrive in ascending order, so each list stays sorted. */
    private static void append(int[][] lists, int[] sizes, int b, int v) {
        int[] list = lists[b];
        if (list == null) {
            list = new int[4];
            lists[b] = list;
        } else if (sizes[b] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            lists[b] = list;
        }
        list[sizes[b]++] = v;
    }

    /** (value, block) pairs, then grouped by value in a counting sort. */
    private static final class FactList {
        private int[] valueOf = new int[64];
        private int[] blockOf = new int[64];
        private int size;
        // byValue's scratch and answer, reused from one solve to the next.
        private int[] next = EMPTY;
        private int[] grouped = EMPTY;

        void add(int value, int block) {
            if (size == valueOf.length) {
                valueOf = Arrays.copyOf(valueOf, size * 2);
                blockOf = Arrays.copyOf(blockOf, size * 2);
            }
            valueOf[size] = value;
            blockOf[size] = block;
            size++;
        }

        /**
         * The blocks, grouped by value: value v's are {@code [start[v], start[v + 1])}; the array is
         * this list's own, valid until the next call.
         */
        int[] byValue(int values, int[] start) {
            for (int i = 0; i < size; i++) {
                start[valueOf[i] + 1]++;
            }
            for (int v = 0; v < values; v++) {
                start[v + 1] += start[v];
            }
            if (next.length < values) {
                next = new int[Math.max(values, 2 * next.length)];
            }
            System.arraycopy(start, 0, next, 0, values);
            if (grouped.length < size) {
                grouped = new int[Math.max(size, 2 * grouped.length)];
            }
            for (int i = 0; i < size; i++) {
                grouped[next[valueOf[i]]++] = blockOf[i];
            }
            return grouped;
        }
    }
}
