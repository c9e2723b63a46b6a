package dev.vex.analysis;

import static dev.vex.analysis.AsyncSamples.sig;
import static dev.vex.ir.Type.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.ir.Block;
import dev.vex.ir.BlockCall;
import dev.vex.ir.Function;
import dev.vex.ir.FunctionBuilder;
import dev.vex.ir.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlFlowGraphTest {

    /** block0 -> block1 | block2 (brif to block1 twice via br_table), block1 -> block3, block2 -> block3, block4 dead. */
    private static Function diamondWithDeadBlock() {
        FunctionBuilder b = new FunctionBuilder("d", sig(List.of(I64), List.of(I64)));
        Block b0 = b.createEntryBlock();
        Block b1 = b.createBlock();
        Block b2 = b.createBlock();
        Block b3 = b.createBlock(I64);
        Block b4 = b.createBlock();
        Value x = b0.param(0);
        b.switchToBlock(b0);
        b.brTable(x, new BlockCall(b1, List.of()), List.of(new BlockCall(b2, List.of()), new BlockCall(b1, List.of())));
        b.switchToBlock(b1);
        b.jump(b3, x);
        b.switchToBlock(b2);
        b.jump(b3, b.iaddImm(x, 1));
        b.switchToBlock(b3);
        b.return_(b3.param(0));
        b.switchToBlock(b4);
        b.jump(b3, x);
        return b.build();
    }

    @Test
    void edgesAreDeduplicatedAndMirrored() {
        ControlFlowGraph cfg = ControlFlowGraph.of(diamondWithDeadBlock());
        assertArrayEquals(new int[] {1, 2}, cfg.successors(0), "br_table names block1 twice");
        assertArrayEquals(new int[] {3}, cfg.successors(1));
        assertArrayEquals(new int[] {1, 2, 4}, cfg.predecessors(3));
        assertArrayEquals(new int[] {}, cfg.predecessors(4));
        assertArrayEquals(new int[] {}, cfg.successors(3));
    }

    @Test
    void reversePostorderStartsAtEntryAndSkipsUnreachable() {
        ControlFlowGraph cfg = ControlFlowGraph.of(diamondWithDeadBlock());
        int[] rpo = cfg.reversePostorder();
        assertEquals(4, rpo.length);
        assertEquals(0, rpo[0]);
        assertEquals(3, rpo[3], "the join comes after both arms");
        assertFalse(cfg.isReachable(4));
        assertEquals(-1, cfg.rpoNumber(4));
        assertTrue(cfg.toString().contains("block4: preds; succs block3 (unreachable)"), cfg.toString());
    }

    @Test
    void randomGraphsAgreeWithSearch() {
        for (long seed = 0; seed < 300; seed++) {
            Function f = RandomFunctions.generate("r", seed, false);
            ControlFlowGraph cfg = ControlFlowGraph.of(f);
            boolean[] reach = GraphOracle.reachable(f, -1);
            Set<Integer> inRpo = new HashSet<>();
            for (int i = 0; i < cfg.reversePostorder().length; i++) {
                int b = cfg.reversePostorder()[i];
                assertTrue(inRpo.add(b), "seed " + seed);
                assertEquals(i, cfg.rpoNumber(b));
            }
            for (int b = 0; b < f.blockCount(); b++) {
                assertEquals(reach[b], cfg.isReachable(b), "seed " + seed + " block " + b);
                assertEquals(reach[b], inRpo.contains(b));
                Set<Integer> succ = new HashSet<>();
                for (Block s : f.blocks().get(b).successors()) {
                    succ.add(s.id());
                }
                assertEquals(succ.size(), cfg.successors(b).length, "seed " + seed);
                for (int s : cfg.successors(b)) {
                    assertTrue(succ.contains(s));
                    assertTrue(contains(cfg.predecessors(s), b), "seed " + seed);
                }
            }
        }
    }

    private static boolean contains(int[] xs, int x) {
        for (int y : xs) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }
}
