package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;

/**
 * Slow, obviously correct answers to compare the analyses against: reachability by search,
 * dominance by deleting a block and searching again, liveness by walking every path forward.
 */
final class GraphOracle {
    private GraphOracle() {
    }

    /** Blocks reachable from the entry without passing {@code removed} (-1: none removed). */
    static boolean[] reachable(Function fn, int removed) {
        int n = fn.blockCount();
        boolean[] seen = new boolean[n];
        if (n == 0 || removed == 0) {
            return seen;
        }
        int[] stack = new int[n];
        int sp = 0;
        stack[sp++] = 0;
        seen[0] = true;
        while (sp > 0) {
            Block b = fn.blocks().get(stack[--sp]);
            for (Block s : b.successors()) {
                if (s.id() != removed && !seen[s.id()]) {
                    seen[s.id()] = true;
                    stack[sp++] = s.id();
                }
            }
        }
        return seen;
    }

    /** a dominates b: b is reachable, and a is b or every path to b passes a. */
    static boolean dominates(Function fn, int a, int b) {
        if (!reachable(fn, -1)[b]) {
            return false;
        }
        return a == b || !reachable(fn, a)[b];
    }

    /** Whether {@code v} is live on entry to {@code block}: some path from there uses it before any definition. */
    static boolean liveIn(Value v, Block block) {
        if (block.params().contains(v)) {
            return false;
        }
        return usedOnSomePath(v, block, new boolean[block.function().blockCount()]);
    }

    private static boolean usedOnSomePath(Value v, Block block, boolean[] visited) {
        if (visited[block.id()]) {
            return false;
        }
        visited[block.id()] = true;
        for (Instruction inst : block.instructions()) {
            if (inst.operands().contains(v)) {
                return true;
            }
            for (BlockCall c : inst.destinations()) {
                if (c.args().contains(v)) {
                    return true;
                }
            }
            if (inst.results().contains(v)) {
                return false;
            }
        }
        for (Block s : block.successors()) {
            if (!s.params().contains(v) && usedOnSomePath(v, s, visited)) {
                return true;
            }
        }
        return false;
    }

    /** Live out of a block: live into some successor (branch arguments are read by the branch, inside the block). */
    static boolean liveOut(Value v, Block block) {
        Instruction t = block.terminator();
        if (t == null) {
            return false;
        }
        for (BlockCall c : t.destinations()) {
            if (liveIn(v, c.block())) {
                return true;
            }
        }
        return false;
    }
}
