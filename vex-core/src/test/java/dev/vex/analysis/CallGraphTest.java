package dev.vex.analysis;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallGraphTest {

    /** Each function awaits (with the given boxing) the next names in {@code targets}. */
    private static void asyncFn(ModuleBuilder mb, String name, boolean boxed, String... targets) {
        FunctionBuilder b = mb.asyncFunction(name, sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        for (String t : targets) {
            FuncRef r = b.importAsyncFunction(t, sig(List.of(I64), List.of(I64)));
            if (boxed) {
                b.awaitBoxed(r, e.param(0));
            } else {
                b.await_(r, e.param(0));
            }
        }
        b.return_(e.param(0));
    }

    @Test
    void edgesAreTaggedAndExternalCalleesAreNull() {
        Module m = AsyncSamples.yieldLoop();
        CallGraph g = CallGraph.of(m);
        List<CallEdge> fromTwo = g.edgesFrom(m.function("two_tasks"));
        assertEquals(List.of(CallKind.SPAWN, CallKind.SPAWN, CallKind.AWAIT, CallKind.AWAIT),
                fromTwo.stream().map(CallEdge::kind).toList());
        assertSame(m.function("square_later"), fromTwo.get(0).callee());
        assertNull(fromTwo.get(2).callee(), "vex_join is a builtin");
        assertEquals("vex_join", fromTwo.get(2).calleeName());
        assertEquals(6, g.edges().size());
        assertTrue(g.toString().contains("%two_tasks -spawn-> %square_later"), g.toString());
        assertTrue(g.awaitCycles().isEmpty());
    }

    @Test
    void selfAwaitIsACycle() {
        ModuleBuilder mb = new ModuleBuilder();
        asyncFn(mb, "count_down", false, "count_down");
        List<List<CallEdge>> cycles = CallGraph.of(mb.build()).awaitCycles();
        assertEquals(1, cycles.size());
        assertEquals("%count_down -> %count_down", CallGraph.describeCycle(cycles.get(0)));
    }

    @Test
    void longCycleIsFoundOnceFromItsFirstFunction() {
        ModuleBuilder mb = new ModuleBuilder();
        asyncFn(mb, "leaf", false);
        asyncFn(mb, "a", false, "leaf", "b");
        asyncFn(mb, "b", false, "c");
        asyncFn(mb, "c", false, "a", "leaf");
        asyncFn(mb, "d", false, "d2");
        asyncFn(mb, "d2", true, "d");
        Module m = mb.build();
        List<List<CallEdge>> cycles = CallGraph.of(m).awaitCycles();
        assertEquals(1, cycles.size(), "d -> d2 is closed by await_boxed");
        assertEquals("%a -> %b -> %c -> %a", CallGraph.describeCycle(cycles.get(0)));
        List<List<CallEdge>> any = CallGraph.of(m).cycles(EnumSet.of(CallKind.AWAIT, CallKind.AWAIT_BOXED));
        assertEquals(2, any.size());
        assertEquals("%d -> %d2 -> %d", CallGraph.describeCycle(any.get(1)));
    }

    @Test
    void shortestCycleIsChosenInsideAComponent() {
        ModuleBuilder mb = new ModuleBuilder();
        asyncFn(mb, "a", false, "b", "c");
        asyncFn(mb, "b", false, "c");
        asyncFn(mb, "c", false, "a");
        List<List<CallEdge>> cycles = CallGraph.of(mb.build()).awaitCycles();
        assertEquals(1, cycles.size());
        assertEquals("%a -> %c -> %a", CallGraph.describeCycle(cycles.get(0)));
    }

    @Test
    void eachFunctionOfAComponentGetsItsOwnShortestCycle() {
        ModuleBuilder mb = new ModuleBuilder();
        asyncFn(mb, "a", false, "b", "c");
        asyncFn(mb, "b", false, "c");
        asyncFn(mb, "c", false, "a");
        asyncFn(mb, "caller", false, "a");
        List<List<CallEdge>> cycles = CallGraph.of(mb.build()).awaitCyclesThroughEachFunction();
        assertEquals(List.of("%a -> %c -> %a", "%b -> %c -> %a -> %b", "%c -> %a -> %c"),
                cycles.stream().map(CallGraph::describeCycle).toList());
    }
}
