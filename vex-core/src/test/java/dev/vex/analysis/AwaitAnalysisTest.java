package dev.vex.analysis;

import static dev.vex.analysis.AsyncSamples.numbers;
import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.MemFlags;
import dev.vex.ir.Module;
import dev.vex.ir.Opcode;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live-across sets of the conformance suite's async functions, worked out by hand. */
class AwaitAnalysisTest {

    private static List<List<Integer>> acrossOf(Function fn) {
        return AwaitAnalysis.of(fn).points().stream().map(p -> numbers(p.values())).toList();
    }

    @Test
    void loopAroundARealSuspensionKeepsCounterAndSum() {
        Module m = AsyncSamples.yieldLoop();
        // block2: await fn0(); then v4 = iadd v3, v2 and v5 = iadd_imm v2, -1.
        assertEquals(List.of(List.of(2, 3)), acrossOf(m.function("yield_sum")));
        // await fn0() then imul v0, v0.
        assertEquals(List.of(List.of(0)), acrossOf(m.function("square_later")));
    }

    @Test
    void joinsKeepTheOtherHandleThenTheFirstResult() {
        Function f = AsyncSamples.yieldLoop().function("two_tasks");
        // v4 = await join(v2) keeps v3 for the second join; v5 = await join(v3) keeps v4 for the add.
        assertEquals(List.of(List.of(3), List.of(4)), acrossOf(f));
    }

    @Test
    void readyChainKeepsOnlyWhatIsUsedLater() {
        Module m = AsyncSamples.readyChain();
        // v1 = await f(v0): v0 is dead after; v2 = await f(v1): v1 is added afterwards.
        assertEquals(List.of(List.of(), List.of(1)), acrossOf(m.function("twice")));
        // v4 = await f(v2) in the loop: v2 (counter) and v3 (sum) survive it.
        assertEquals(List.of(List.of(2, 3)), acrossOf(m.function("ready_loop")));
        assertTrue(AwaitAnalysis.of(m.function("triple")).points().isEmpty());
    }

    @Test
    void fetchAndProcessKeepsTheArgumentAcrossTheSleep() {
        Function f = AsyncSamples.fetchAndProcess().function("fetch_and_process");
        // await sleep(v1) keeps v0 for the parse; v2, v3 = await parse(v0) keeps nothing.
        assertEquals(List.of(List.of(0), List.of()), acrossOf(f));
    }

    @Test
    void resultsAndArgumentsUsedOnlyByTheAwaitAreNotAcross() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I64), List.of(I64)), true);
        FuncRef g = b.importAsyncFunction("g", sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value x = b.iaddImm(e.param(0), 1);
        Value r = b.await_(g, x).result();
        Value s = b.iadd(r, r);
        b.return_(s);
        Function f = b.build();
        AwaitPoint p = AwaitAnalysis.of(f).points().get(0);
        assertTrue(p.values().isEmpty(), p.describe(f));
        assertEquals(Opcode.AWAIT, p.instruction().opcode());
    }

    @Test
    void valueUsedOnlyOnOneBranchAfterTheAwaitIsAcross() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I64, I64), List.of(I64)), true);
        FuncRef y = b.importAsyncFunction("vex_yield", sig(List.of(), List.of()));
        Block e = b.createEntryBlock();
        Block left = b.createBlock();
        Block right = b.createBlock();
        b.switchToBlock(e);
        Value k = b.iconst(I64, 7);
        Value stack = b.stackAddr(I64, b.createStackSlot(8), 0);
        b.await_(y);
        b.brif(e.param(0), left, right);
        b.switchToBlock(left);
        b.return_(b.load(I64, MemFlags.NONE, stack, 0));
        b.switchToBlock(right);
        b.return_(b.iadd(e.param(1), k));
        Function f = b.build();
        AwaitPoint p = AwaitAnalysis.of(f).points().get(0);
        // v0 (the branch condition), v1 and k on the right, the slot address on the left.
        assertEquals(List.of(e.param(0), e.param(1), k, stack), p.values());
        assertTrue(p.liveAcross().contains(stack));
    }

    @Test
    void awaitsAreListedInLayoutOrderAndFoundByInstruction() {
        Function f = AsyncSamples.readyChain().function("twice");
        AwaitAnalysis a = AwaitAnalysis.of(f);
        Instruction second = f.entryBlock().instructions().get(1);
        assertNotNull(a.pointOf(second));
        assertEquals(1, a.points().indexOf(a.pointOf(second)));
        assertNull(a.pointOf(f.entryBlock().terminator()));
        assertTrue(a.toString().contains("live across: v1"), a.toString());
    }

    @Test
    void boxedAwaitsAreSuspensionPointsToo() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I64), List.of(I64)), true);
        FuncRef g = b.importAsyncFunction("f", sig(List.of(I64), List.of(I64)));
        Block e = b.createEntryBlock();
        b.switchToBlock(e);
        Value r = b.awaitBoxed(g, e.param(0)).result();
        b.return_(b.iadd(r, e.param(0)));
        AwaitPoint p = AwaitAnalysis.of(b.build()).points().get(0);
        assertEquals(Opcode.AWAIT_BOXED, p.instruction().opcode());
        assertEquals(List.of(0), numbers(p.values()));
    }
}
