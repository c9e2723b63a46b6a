package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;

/**
 * Loop nesting depth of every block, from the CFG: dominators by the iterative algorithm of
 * Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm"), a back edge wherever a block
 * branches to one of its dominators, and the natural loop of each back edge. Depth weighs spill
 * costs and picks split positions outside loops. Unreachable blocks get depth 0.
 */
public final class LoopAnalysis {
    private LoopAnalysis() {}

    public static int[] loopDepths(MachFunction f) {
        int n = f.numBlocks();
        int[] rpo = new int[n];
        int[] rpoIndex = new int[n];
        int count = reversePostorder(f, rpo, rpoIndex);
        int[] idom = dominators(f, rpo, rpoIndex, count);
        int[] depth = new int[n];
        int[] stack = new int[n];
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int k = 0; k < count; k++) {
            int header = rpo[k];
            // One loop per header: the union of the natural loops of all its back edges.
            int top = 0;
            for (int p = 0; p < f.numPreds(header); p++) {
                int latch = f.pred(header, p);
                if (rpoIndex[latch] >= 0 && dominates(idom, rpoIndex, header, latch) && mark[latch] != header) {
                    mark[latch] = header;
                    stack[top++] = latch;
                }
            }
            if (top == 0) {
                continue;
            }
            mark[header] = header;
            depth[header]++;
            while (top > 0) {
                int b = stack[--top];
                if (b == header) {
                    continue;
                }
                depth[b]++;
                for (int p = 0; p < f.numPreds(b); p++) {
                    int q = f.pred(b, p);
                    if (rpoIndex[q] >= 0 && mark[q] != header) {
                        mark[q] = header;
                        stack[top++] = q;
                    }
                }
            }
        }
        return depth;
    }

    private static int reversePostorder(MachFunction f, int[] rpo, int[] rpoIndex) {
        int n = f.numBlocks();
        java.util.Arrays.fill(rpoIndex, -1);
        int[] stack = new int[n];
        int[] next = new int[n];
        boolean[] seen = new boolean[n];
        int[] post = new int[n];
        int postCount = 0;
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int b = stack[top - 1];
            if (next[b] < f.numSuccs(b)) {
                int s = f.succ(b, next[b]++);
                if (!seen[s]) {
                    seen[s] = true;
                    stack[top++] = s;
                }
            } else {
                top--;
                post[postCount++] = b;
            }
        }
        for (int k = 0; k < postCount; k++) {
            rpo[k] = post[postCount - 1 - k];
            rpoIndex[rpo[k]] = k;
        }
        return postCount;
    }

    /** Immediate dominators indexed by block (entry: itself; unreachable: -1). */
    private static int[] dominators(MachFunction f, int[] rpo, int[] rpoIndex, int count) {
        int[] idom = new int[f.numBlocks()];
        java.util.Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 1; k < count; k++) {
                int b = rpo[k];
                int newIdom = -1;
                for (int p = 0; p < f.numPreds(b); p++) {
                    int q = f.pred(b, p);
                    if (idom[q] < 0) {
                        continue;
                    }
                    newIdom = newIdom < 0 ? q : intersect(idom, rpoIndex, q, newIdom);
                }
                if (newIdom != idom[b]) {
                    idom[b] = newIdom;
                    changed = true;
                }
            }
        }
        return idom;
    }

    private static int intersect(int[] idom, int[] rpoIndex, int a, int b) {
        while (a != b) {
            while (rpoIndex[a] > rpoIndex[b]) {
                a = idom[a];
            }
            while (rpoIndex[b] > rpoIndex[a]) {
                b = idom[b];
            }
        }
        return a;
    }

    private static boolean dominates(int[] idom, int[] rpoIndex, int a, int b) {
        while (rpoIndex[b] > rpoIndex[a]) {
            b = idom[b];
        }
        return a == b;
    }
}
