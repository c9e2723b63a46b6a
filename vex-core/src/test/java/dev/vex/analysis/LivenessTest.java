package dev.vex.analysis;

import static dev.vex.analysis.AsyncSamples.numbers;
import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivenessTest {

    /**
     * A counting loop with block parameters:
     * block0(v0): v1 = iconst 0; v2 = iconst 1; jump block1(v0, v1)
     * block1(v3, v4): brif v3, block2, block3(v4)
     * block2: v5 = iadd v4, v2; v6 = isub v3, v2; jump block1(v6, v5)
     * block3(v7): return v7
     */
    private static Function countingLoop() {
        FunctionBuilder b = new FunctionBuilder("loop", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock();
        b.switchToBlock(b0);
        Value zero = b.iconst(I64, 0);
        Value one = b.iconst(I64, 1);
        b.jump(b1, b0.param(0), zero);
        AsyncSamples.enter(b, b1, I64, I64);
        b.brif(b1.param(0), b2, List.of(), b3, List.of(b1.param(1)));
        b.switchToBlock(b2);
        Value sum = b.iadd(b1.param(1), one);
        Value next = b.isub(b1.param(0), one);
        b.jump(b1, next, sum);
        AsyncSamples.enter(b, b3, I64);
        b.return_(b3.param(0));
        return b.build();
    }

    @Test
    void blockParamsAreDefinedAtEntryAndArgumentsUsedAtTheBranch() {
        Function f = countingLoop();
        Liveness live = Liveness.of(f);
        List<Block> bs = f.blocks();
        assertEquals(List.of(), numbers(live.liveIn(bs.get(0)).toList(f)));
        assertEquals(List.of(2), numbers(live.liveOut(bs.get(0)).toList(f)), "v0 and v1 are branch arguments, only v2 flows on");
        assertEquals(List.of(2), numbers(live.liveIn(bs.get(1)).toList(f)), "v3, v4 are block1's own parameters");
        assertEquals(List.of(2, 3, 4), numbers(live.liveOut(bs.get(1)).toList(f)));
        assertEquals(List.of(2, 3, 4), numbers(live.liveIn(bs.get(2)).toList(f)));
        assertEquals(List.of(2), numbers(live.liveOut(bs.get(2)).toList(f)));
        assertEquals(List.of(), numbers(live.liveIn(bs.get(3)).toList(f)));
        assertEquals(List.of(), numbers(live.liveOut(bs.get(3)).toList(f)));
        assertTrue(live.toString().contains("block2: in v2, v3, v4; out v2"), live.toString());
    }

    @Test
    void liveBeforeAndAfterInstructions() {
        Function f = countingLoop();
        Liveness live = Liveness.of(f);
        Block b2 = f.blocks().get(2);
        Instruction add = b2.instructions().get(0);
        Instruction sub = b2.instructions().get(1);
        assertEquals(List.of(2, 3, 4), numbers(live.liveBefore(add).toList(f)));
        assertEquals(List.of(2, 3, 5), numbers(live.liveAfter(add).toList(f)), "v4 dies at the add, v5 is born");
        assertEquals(List.of(2, 5, 6), numbers(live.liveAfter(sub).toList(f)));
        assertFalse(live.liveAfter(b2.terminator()).contains(f.valueNumbered(5)), "the jump reads v5");
    }

    @Test
    void deadResultIsNotLive() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        b.switchToBlock(b0);
        Value dead = b.iaddImm(b0.param(0), 1);
        b.return_(b0.param(0));
        Function f = b.build();
        Liveness live = Liveness.of(f);
        assertFalse(live.liveAfter(dead.definingInstruction()).contains(dead));
        assertTrue(live.liveAfter(dead.definingInstruction()).contains(b0.param(0)));
    }

    @Test
    void randomFunctionsAgreeWithPathOracle() {
        int facts = 0;
        for (long seed = 0; seed < 300; seed++) {
            Function f = RandomFunctions.generate("r", seed, seed % 2 == 0);
            long at = seed;
            Liveness live = Liveness.of(f);
            for (Block b : f.blocks()) {
                for (Value v : f.values()) {
                    assertEquals(GraphOracle.liveIn(v, b), live.liveIn(b).contains(v),
                            () -> "seed " + at + ": " + v + " live into " + b + "\n" + f);
                    assertEquals(GraphOracle.liveOut(v, b), live.liveOut(b).contains(v),
                            () -> "seed " + at + ": " + v + " live out of " + b + "\n" + f);
                    facts++;
                }
            }
        }
        assertTrue(facts > 5000, "facts checked: " + facts);
    }
}
