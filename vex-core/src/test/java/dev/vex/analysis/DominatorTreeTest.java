package dev.vex.analysis;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Instruction;
import dev.vex.ir.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class DominatorTreeTest {

    /**
     * An irreducible region: block0 enters both block1 and block2, which jump to each other;
     * block1 leaves to block3. Neither loop block dominates the other.
     */
    private static Function irreducible() {
        FunctionBuilder b = new FunctionBuilder("irr", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock();
        Value x = b0.param(0);
        b.switchToBlock(b0);
        b.brif(x, b1, b2);
        b.switchToBlock(b1);
        b.brif(x, b2, b3);
        b.switchToBlock(b2);
        b.jump(b1);
        b.switchToBlock(b3);
        b.return_(x);
        return b.build();
    }

    /** A loop with a nested loop: 0 -> 1 (outer header) -> 2 (inner header) <-> 3, 2 -> 1, 1 -> 4. */
    private static Function nestedLoops() {
        FunctionBuilder b = new FunctionBuilder("loops", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock();
        Block b4 = b.createBlock();
        Value x = b0.param(0);
        b.switchToBlock(b0);
        b.jump(b1);
        b.switchToBlock(b1);
        b.brif(x, b2, b4);
        b.switchToBlock(b2);
        b.brif(x, b3, b1);
        b.switchToBlock(b3);
        b.jump(b2);
        b.switchToBlock(b4);
        b.return_(x);
        return b.build();
    }

    @Test
    void irreducibleRegionIsDominatedByItsEntryOnly() {
        DominatorTree dom = DominatorTree.of(irreducible());
        assertEquals(-1, dom.idom(0));
        assertEquals(0, dom.idom(1));
        assertEquals(0, dom.idom(2));
        assertEquals(1, dom.idom(3));
        assertFalse(dom.dominates(1, 2));
        assertFalse(dom.dominates(2, 1));
        assertTrue(dom.dominates(0, 3));
        assertTrue(dom.dominates(1, 3));
        assertTrue(dom.dominates(3, 3));
        assertFalse(dom.strictlyDominates(3, 3));
    }

    @Test
    void nestedLoopHeadersDominateTheirBodies() {
        Function f = nestedLoops();
        DominatorTree dom = DominatorTree.of(f);
        assertEquals(List.of(-1, 0, 1, 2, 1), List.of(dom.idom(0), dom.idom(1), dom.idom(2), dom.idom(3), dom.idom(4)));
        assertSame(f.blocks().get(2), dom.idom(f.blocks().get(3)));
        assertNull(dom.idom(f.entryBlock()));
        assertEquals(3, dom.depth(3));
        assertFalse(dom.dominates(3, 4), "the inner body does not dominate the exit");
        assertTrue(dom.toString().contains("block3 idom block2"), dom.toString());
    }

    @Test
    void instructionAndUseDominance() {
        FunctionBuilder b = new FunctionBuilder("f", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock(I64);
        Block dead = b.createBlock();
        b.switchToBlock(b0);
        Value a = b.iaddImm(b0.param(0), 1);
        Value c = b.iadd(a, a);
        b.jump(b1, c);
        b.switchToBlock(b1);
        Value d = b.iadd(b1.param(0), a);
        b.return_(d);
        b.switchToBlock(dead);
        b.return_(b0.param(0));
        Function f = b.build();
        DominatorTree dom = DominatorTree.of(f);
        Instruction ia = a.definingInstruction();
        Instruction ic = c.definingInstruction();
        Instruction id = d.definingInstruction();
        assertTrue(dom.dominates(ia, ic));
        assertFalse(dom.dominates(ic, ia));
        assertTrue(dom.dominates(ia, ia));
        assertTrue(dom.dominates(ic, id));
        assertTrue(dom.dominatesUse(a, ic));
        assertFalse(dom.dominatesUse(c, ic), "an instruction does not define its operands");
        assertTrue(dom.dominatesUse(b1.param(0), id));
        assertTrue(dom.dominatesUse(a, id));
        Instruction deadReturn = dead.instructions().get(0);
        assertFalse(dom.dominatesUse(b0.param(0), deadReturn), "nothing dominates an unreachable block");
        assertFalse(dom.dominates(dead, dead));
    }

    @Test
    void randomGraphsAgreeWithDeletionOracle() {
        int checked = 0;
        for (long seed = 0; seed < 300; seed++) {
            Function f = RandomFunctions.generate("r", seed, false);
            DominatorTree dom = DominatorTree.of(f);
            int n = f.blockCount();
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    String pair = "seed " + seed + ": block" + a + " dom block" + b;
                    assertEquals(GraphOracle.dominates(f, a, b), dom.dominates(a, b), () -> pair + "\n" + f);
                    checked++;
                }
            }
            for (int b = 1; b < n; b++) {
                int i = dom.idom(b);
                if (!dom.cfg().isReachable(b)) {
                    assertEquals(-1, i);
                    continue;
                }
                assertTrue(dom.strictlyDominates(i, b), "seed " + seed);
                for (int c = 0; c < n; c++) {
                    if (dom.strictlyDominates(c, b)) {
                        assertTrue(dom.dominates(c, i), "seed " + seed + ": idom is the closest strict dominator");
                    }
                }
            }
        }
        assertTrue(checked > 3000);
    }
}
