package dev.vex.verify;

import dev.vex.analysis.CallEdge;
import dev.vex.analysis.CallGraph;
import dev.vex.ir.Function;
import java.util.List;
import java.util.Map;

/**
 * No cycle of plain {@code await}s: each embeds the callee's frame in the caller's, so a cycle
 * would need an infinitely large frame. {@code await_boxed} puts the callee's frame on the heap
 * and breaks the cycle. Every function on such a cycle reports it, at its own await that leaves
 * it along a shortest cycle back to it, so a front end sees the error on each function it would
 * have to change.
 */
final class AwaitCycleCheck {
    private AwaitCycleCheck() {
    }

    static void run(CallGraph graph, Map<Function, FunctionErrors> errors) {
        for (List<CallEdge> cycle : graph.awaitCyclesThroughEachFunction()) {
            CallEdge first = cycle.get(0);
            FunctionErrors out = errors.get(first.caller());
            String path = CallGraph.describeCycle(cycle);
            out.report(Rule.AWAIT_CYCLE, first.instruction(), "await cycle " + path
                    + ": an await embeds the callee's frame in the caller's, so this frame would be infinitely large;"
                    + " make " + (cycle.size() == 1 ? "this await" : "one of these awaits") + " await_boxed");
        }
    }
}
