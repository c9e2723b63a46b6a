package dev.vex.analysis;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.Instruction;
import dev.vex.ir.Module;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The call graph of a module: one {@link CallEdge} per {@code call}, {@code await},
 * {@code await_boxed} and {@code spawn} site, tagged with its {@link CallKind}, in module and
 * layout order. Callees outside the module (builtins, external symbols) appear as edges with a
 * null callee and take part in no cycle. Functions are numbered by their position in the module.
 */
public final class CallGraph {
    private final Module module;
    private final List<Function> functions;
    private final Map<Function, Integer> index = new IdentityHashMap<>();
    private final List<List<CallEdge>> outgoing;
    private final List<CallEdge> edges;

    private CallGraph(Module module) {
        this.module = module;
        this.functions = module.functions();
        for (int i = 0; i < functions.size(); i++) {
            index.put(functions.get(i), i);
        }
        List<List<CallEdge>> out = new ArrayList<>();
        List<CallEdge> all = new ArrayList<>();
        for (Function f : functions) {
            List<CallEdge> mine = new ArrayList<>();
            for (Block b : f.blocks()) {
                for (Instruction inst : b.instructions()) {
                    CallKind kind = CallKind.of(inst.opcode());
                    if (kind != null) {
                        mine.add(new CallEdge(f, inst, module.resolve(inst.funcRef()), kind));
                    }
                }
            }
            out.add(Collections.unmodifiableList(mine));
            all.addAll(mine);
        }
        this.outgoing = Collections.unmodifiableList(out);
        this.edges = Collections.unmodifiableList(all);
    }

    public static CallGraph of(Module module) {
        return new CallGraph(module);
    }

    public Module module() {
        return module;
    }

    /** Every edge, in module order of the callers and layout order within each. */
    public List<CallEdge> edges() {
        return edges;
    }

    /** The call sites in {@code caller}. */
    public List<CallEdge> edgesFrom(Function caller) {
        Integer i = index.get(caller);
        return i == null ? List.of() : outgoing.get(i);
    }

    /**
     * The cycles formed by edges of the given kinds: one per strongly connected component that
     * has a cycle (a self-edge counts), given as its edges in order, starting at the component's
     * first function in module order and returning to it by a shortest path. Components come in
     * module order of that first function.
     */
    public List<List<CallEdge>> cycles(Set<CallKind> kinds) {
        int n = functions.size();
        int[] component = new Tarjan(kinds).run();
        List<List<CallEdge>> cycles = new ArrayList<>();
        boolean[] done = new boolean[n + 1];
        for (int start = 0; start < n; start++) {
            int c = component[start];
            if (done[c]) {
                continue;
            }
            done[c] = true;
            List<CallEdge> cycle = shortestCycle(start, component, kinds);
            if (cycle != null) {
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** The cycles of plain {@code await} edges: each would make an infinitely large frame. */
    public List<List<CallEdge>> awaitCycles() {
        return cycles(EnumSet.of(CallKind.AWAIT));
    }

    /**
     * For every function that lies on a cycle of plain {@code await} edges, in module order, a
     * shortest such cycle that starts and ends at it. Every function of a strongly connected
     * component with a cycle gets one, so each can report the cycle it is on.
     */
    public List<List<CallEdge>> awaitCyclesThroughEachFunction() {
        return cyclesThroughEachFunction(EnumSet.of(CallKind.AWAIT));
    }

    /**
     * For every function on a cycle of edges of the given kinds, in module order, a shortest
     * cycle from it back to it (as {@link #cycles} gives one, but starting at that function).
     */
    public List<List<CallEdge>> cyclesThroughEachFunction(Set<CallKind> kinds) {
        int[] component = new Tarjan(kinds).run();
        List<List<CallEdge>> cycles = new ArrayList<>();
        for (int start = 0; start < functions.size(); start++) {
            List<CallEdge> cycle = shortestCycle(start, component, kinds);
            if (cycle != null) {
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** Breadth-first from {@code start} inside its component, back to {@code start}; null if none. */
    private List<CallEdge> shortestCycle(int start, int[] component, Set<CallKind> kinds) {
        int n = functions.size();
        CallEdge[] via = new CallEdge[n];
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        while (head < tail) {
            int f = queue[head++];
            for (CallEdge e : outgoing.get(f)) {
                if (e.callee() == null || !kinds.contains(e.kind())) {
                    continue;
                }
                int g = index.get(e.callee());
                if (component[g] != component[start]) {
                    continue;
                }
                if (g == start) {
                    List<CallEdge> path = new ArrayList<>();
                    path.add(e);
                    for (int at = f; at != start; at = index.get(via[at].caller())) {
                        path.add(via[at]);
                    }
                    Collections.reverse(path);
                    return path;
                }
                if (!seen[g]) {
                    seen[g] = true;
                    via[g] = e;
                    queue[tail++] = g;
                }
            }
        }
        return null;
    }

    /** {@code %a -> %b -> %a} for a cycle as {@link #cycles} gives it. */
    public static String describeCycle(List<CallEdge> cycle) {
        StringBuilder sb = new StringBuilder("%").append(cycle.get(0).caller().name());
        for (CallEdge e : cycle) {
            sb.append(" -> %").append(e.calleeName());
        }
        return sb.toString();
    }

    /** Tarjan's strongly connected components over the edges of some kinds. */
    private final class Tarjan {
        private final Set<CallKind> kinds;
        private final int[] order;
        private final int[] low;
        private final int[] component;
        private final boolean[] onStack;
        private final int[] stack;
        private int sp;
        private int clock;
        private int components;

        Tarjan(Set<CallKind> kinds) {
            int n = functions.size();
            this.kinds = kinds;
            order = new int[n];
            low = new int[n];
            component = new int[n];
            onStack = new boolean[n];
            stack = new int[n];
            java.util.Arrays.fill(order, -1);
        }

        int[] run() {
            for (int f = 0; f < functions.size(); f++) {
                if (order[f] < 0) {
                    visit(f);
                }
            }
            return component;
        }

        // Recursion depth is bounded by the number of functions in a module.
        private void visit(int f) {
            order[f] = low[f] = clock++;
            stack[sp++] = f;
            onStack[f] = true;
            for (CallEdge e : outgoing.get(f)) {
                if (e.callee() == null || !kinds.contains(e.kind())) {
                    continue;
                }
                int g = index.get(e.callee());
                if (order[g] < 0) {
                    visit(g);
                    low[f] = Math.min(low[f], low[g]);
                } else if (onStack[g]) {
                    low[f] = Math.min(low[f], order[g]);
                }
            }
            if (low[f] == order[f]) {
                int g;
                do {
                    g = stack[--sp];
                    onStack[g] = false;
                    component[g] = components;
                } while (g != f);
                components++;
            }
        }
    }

    /** One line per edge. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (CallEdge e : edges) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
