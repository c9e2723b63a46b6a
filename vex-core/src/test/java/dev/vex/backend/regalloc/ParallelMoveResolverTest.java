package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sequenced moves are run on an array of locations and must leave every destination with
 * the value its source had before (parallel semantics), without moving slot to slot directly.
 */
class ParallelMoveResolverTest {
    private static final int SCRATCH = 4;
    private static final int TEMP_SLOT = Location.slot(9);

    private static List<int[]> resolve(int[][] moves) {
        ParallelMoveResolver r = new ParallelMoveResolver();
        for (int[] m : moves) {
            r.add(m[0], m[1]);
        }
        List<int[]> out = new ArrayList<>();
        r.resolve(SCRATCH, () -> TEMP_SLOT, (a, b) -> out.add(new int[] {a, b}));
        return out;
    }

    private static int index(int loc) {
        return Location.isReg(loc) ? loc : 16 + Location.slotIndex(loc);
    }

    /** Runs the sequence and checks the parallel-move result; returns the number of moves. */
    private static int runAndCheck(int[][] moves) {
        List<int[]> seq = resolve(moves);
        long[] mem = new long[32];
        for (int k = 0; k < mem.length; k++) {
            mem[k] = 1000 + k;
        }
        long[] before = mem.clone();
        for (int[] m : seq) {
            assertFalse(Location.isSlot(m[0]) && Location.isSlot(m[1]), "slot-to-slot move emitted");
            mem[index(m[1])] = mem[index(m[0])];
        }
        boolean[] written = new boolean[32];
        for (int[] m : moves) {
            assertEquals(before[index(m[0])], mem[index(m[1])], "destination " + m[1]);
            written[index(m[1])] = true;
        }
        for (int k = 0; k < 32; k++) {
            if (!written[k] && k != SCRATCH && k != index(TEMP_SLOT)) {
                assertEquals(before[k], mem[k], "location " + k + " must be left alone");
            }
        }
        return seq.size();
    }

    @Test
    void swapOfTwoRegistersUsesTheScratch() {
        List<int[]> seq = resolve(new int[][] {{0, 1}, {1, 0}});
        assertEquals(3, seq.size());
        assertTrue(seq.stream().anyMatch(m -> m[1] == SCRATCH));
        runAndCheck(new int[][] {{0, 1}, {1, 0}});
    }

    @Test
    void cycleOfThree() {
        assertEquals(4, runAndCheck(new int[][] {{0, 1}, {1, 2}, {2, 0}}));
    }

    @Test
    void cycleThroughAStackSlot() {
        int s0 = Location.slot(0);
        assertEquals(4, runAndCheck(new int[][] {{0, s0}, {s0, 1}, {1, 0}}));
    }

    @Test
    void swapOfTwoStackSlotsParksInTheTempSlot() {
        int s0 = Location.slot(0);
        int s1 = Location.slot(1);
        List<int[]> seq = resolve(new int[][] {{s0, s1}, {s1, s0}});
        assertTrue(seq.stream().anyMatch(m -> m[1] == TEMP_SLOT), "a slot cycle needs the temporary slot");
        runAndCheck(new int[][] {{s0, s1}, {s1, s0}});
    }

    @Test
    void chainsAndFanOutNeedNoTemporary() {
        List<int[]> seq = resolve(new int[][] {{0, 1}, {1, 2}, {0, 3}});
        assertEquals(3, seq.size());
        runAndCheck(new int[][] {{0, 1}, {1, 2}, {0, 3}});
    }

    @Test
    void selfMovesVanish() {
        assertEquals(0, runAndCheck(new int[][] {{2, 2}}));
    }

    @Test
    void randomParallelMoves() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[] locs = {0, 1, 2, 3, Location.slot(0), Location.slot(1), Location.slot(2), Location.slot(3)};
        for (int round = 0; round < 5000; round++) {
            int n = 1 + rnd.nextInt(locs.length);
            List<int[]> moves = new ArrayList<>();
            boolean[] used = new boolean[locs.length];
            for (int k = 0; k < n; k++) {
                int d = rnd.nextInt(locs.length);
                if (used[d]) {
                    continue;
                }
                used[d] = true;
                moves.add(new int[] {locs[rnd.nextInt(locs.length)], locs[d]});
            }
            runAndCheck(moves.toArray(new int[0][]));
        }
    }
}
