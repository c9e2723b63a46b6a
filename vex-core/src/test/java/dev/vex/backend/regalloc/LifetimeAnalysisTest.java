package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.BackendException;
import dev.vex.backend.MachFunction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Liveness and intervals, against the position rules: instruction i reads uses at 2i (early, live
 * to 2i+1) or through 2i+1 (late, live to 2i+2) and writes defs at 2i+1 (late) or 2i (early).
 */
class LifetimeAnalysisTest {
    private static Lifetimes analyze(String text) {
        return LifetimeAnalysis.analyze(MachDsl.parse(text), TestTarget.INSTANCE);
    }

    private static int[] ranges(Interval it) {
        return Arrays.copyOf(it.ranges, 2 * it.numRanges);
    }

    @Test
    void straightLineRangesAndUses() {
        Lifetimes lt = analyze("""
                block0:
                  op def:v0
                  op def:v1 use:v0
                  op def:v2 any:v0 late:v1
                  ret use:v2@r0
                """);
        // v0: def at inst 0 (late, 1), last use early at inst 2 -> [1, 5)
        assertArrayEquals(new int[] {1, 5}, ranges(lt.vregs[0]));
        // v1: def at inst 1 (3), late use at inst 2 -> [3, 6)
        assertArrayEquals(new int[] {3, 6}, ranges(lt.vregs[1]));
        // v2: def at inst 2 (5), fixed use at inst 3 -> [5, 7)
        assertArrayEquals(new int[] {5, 7}, ranges(lt.vregs[2]));
        assertEquals(1, lt.vregs[0].nextRegUse(0), "the def of v0 needs a register");
        assertEquals(2, lt.vregs[0].nextRegUse(2), "use at inst 1 needs a register");
        assertEquals(Interval.END, lt.vregs[0].nextRegUse(3), "the any-use at inst 2 does not");
        assertEquals(TestTarget.R0, lt.vregs[2].hint, "a fixed use hints its register");
        // the fixed use of v2 blocks r0 over [6, 7), owned by v2
        Interval r0 = lt.fixed[TestTarget.R0];
        assertArrayEquals(new int[] {6, 7}, ranges(r0));
        assertEquals(2, r0.owners[0]);
    }

    @Test
    void valueLiveAroundALoopCoversTheWholeLoop() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:v0
                  op def:v1
                  jump block1(v1)
                block1(v2):
                  op def:v3 use:v2
                  br use:v3 block2 block3
                block2:
                  jump block1(v3)
                block3:
                  ret use:v0@r0
                """);
        Lifetimes lt = LifetimeAnalysis.analyze(f, TestTarget.INSTANCE);
        // v0 is defined at 1 and used in block3 (inst 6): live through the loop, no hole.
        assertArrayEquals(new int[] {1, 13}, ranges(lt.vregs[0]));
        assertTrue(lt.isLiveIn(1, 0) && lt.isLiveIn(2, 0) && lt.isLiveIn(3, 0));
        // v2 (block1's param) lives from the block start to its use; v3 from its def to the end
        // of block2, where it is the argument of the back edge.
        assertArrayEquals(new int[] {6, 7}, ranges(lt.vregs[2]));
        assertArrayEquals(new int[] {7, 12}, ranges(lt.vregs[3]));
        assertFalse(lt.isLiveIn(1, 3), "a block argument is not live into the target");
        assertEquals(1, lt.loopDepth[1]);
        assertEquals(1, lt.loopDepth[2]);
        assertEquals(0, lt.loopDepth[3]);
    }

    @Test
    void valueDefinedInALoopHasAHole() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:v0
                  jump block1
                block1:
                  op def:v1 use:v0
                  br use:v1 block2 block3
                block2:
                  op def:v2
                  jump block1
                block3:
                  op def:v3 use:v1
                  ret use:v3@r0
                """);
        Lifetimes lt = LifetimeAnalysis.analyze(f, TestTarget.INSTANCE);
        // v1: defined at inst 2 (5), live to the end of block1 (8); dead in block2 (8..12); live
        // into block3 (12) until its use at inst 6 (13).
        assertArrayEquals(new int[] {5, 8, 12, 13}, ranges(lt.vregs[1]));
        assertFalse(lt.vregs[1].covers(9));
    }

    @Test
    void deadBlockParameterHasNoInterval() {
        Lifetimes lt = analyze("""
                block0:
                  op def:v0
                  jump block1(v0)
                block1(v1):
                  op def:v2
                  ret use:v2@r0
                """);
        assertNull(lt.vregs[1]);
    }

    @Test
    void clobbersBlockTheLatePointOnly() {
        Lifetimes lt = analyze("""
                block0:
                  op def:v0
                  call use:v0@r0 def:v1@r0 clobber:r0,r1
                  ret use:v1@r0
                """);
        // r1 clobbered at inst 1: [3, 4); r0 is the def's own register, owned by v1, not a clobber.
        assertArrayEquals(new int[] {3, 4}, ranges(lt.fixed[TestTarget.R1]));
        assertEquals(Interval.NO_OWNER, lt.fixed[TestTarget.R1].owners[0]);
        assertArrayEquals(new int[] {2, 3, 3, 4, 4, 5}, ranges(lt.fixed[TestTarget.R0]));
        assertArrayEquals(new int[] {0, 1, 1}, Arrays.copyOf(lt.fixed[TestTarget.R0].owners, 3));
    }

    @Test
    void useWithoutDefinitionIsRejected() {
        MachFunction f = MachDsl.parse("""
                block0:
                  op def:v0
                  br use:v0 block1 block2
                block1:
                  op def:v1
                  jump block3
                block2:
                  jump block3
                block3:
                  ret use:v1@r0
                """);
        BackendException e = assertThrows(BackendException.class, () -> LifetimeAnalysis.analyze(f, TestTarget.INSTANCE));
        assertTrue(e.getMessage().contains("v1"), e.getMessage());
    }

    @Test
    void splittingMovesRangesAndUses() {
        Lifetimes lt = analyze("""
                block0:
                  op def:v0
                  op def:v1 use:v0
                  op def:v2 use:v0
                  op def:v3 use:v0
                  ret use:v3@r0
                """);
        Interval v0 = lt.vregs[0];
        Interval child = v0.splitAt(4);
        assertArrayEquals(new int[] {1, 4}, ranges(v0));
        assertArrayEquals(new int[] {4, 7}, ranges(child));
        assertEquals(2, v0.nextRegUse(2));
        assertEquals(Interval.END, v0.nextRegUse(3));
        assertEquals(4, child.nextRegUse(0));
        assertTrue(v0.childAt(3) == v0 && v0.childAt(4) == child && v0.childAt(6) == child);
        assertNull(v0.childAt(7));
    }
}
