package dev.vex.backend.regalloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random functions (deterministic seeds): each is allocated, proved by the checker,
 * and run on the toy machine before and after allocation with the traces compared.
 */
class RandomAllocationTest {
    @Test
    void smallFunctions() {
        run(TestTarget.INSTANCE, 0x5EED_0001L, 3000, 10, 12);
    }

    @Test
    void largeFunctions() {
        run(TestTarget.INSTANCE, 0x5EED_0002L, 60, 40, 40);
    }

    @Test
    void widerTarget() {
        run(WideTestTarget.INSTANCE, 0x5EED_0003L, 1500, 12, 16);
    }

    @Test
    void moderatePressure() {
        run(new RandomFunctionGenerator(0x5EED_0004L, 12, 16, WideTestTarget.INSTANCE).local(90),
                WideTestTarget.INSTANCE, 0x5EED_0004L, 1000, 10);
    }

    private static void run(MachineSpec spec, long seed, int count, int maxBlocks, int maxInsts) {
        run(new RandomFunctionGenerator(seed, maxBlocks, maxInsts, spec), spec, seed, count, count / 4);
    }

    private static void run(RandomFunctionGenerator gen, MachineSpec spec, long seed, int count, int minSpilled) {
        long insts = 0;
        int maxPressure = 0;
        int spilled = 0;
        long edits = 0;
        long nanos = 0;
        for (int n = 0; n < count; n++) {
            MachFunction f = gen.next("r" + n);
            insts += f.numInsts();
            maxPressure = Math.max(maxPressure, maxIntPressure(f, spec));
            long t0 = System.nanoTime();
            Allocation a;
            try {
                a = LinearScan.allocate(f, spec);
            } catch (RuntimeException e) {
                throw new AssertionError("allocating function " + n + ":\n" + f, e);
            }
            nanos += System.nanoTime() - t0;
            if (a.numSpillSlots() > 0) {
                spilled++;
            }
            edits += a.numEdits();
            try {
                RegisterAllocationChecker.check(a);
            } catch (RuntimeException e) {
                throw new AssertionError("function " + n + ":\n" + f + "\n" + a, e);
            }
            long[] expected = ToyMachine.runVirtual(f, 2000);
            long[] actual = ToyMachine.runAllocated(a, 2000, seed + n);
            if (!Arrays.equals(expected, actual)) {
                assertArrayEquals(expected, actual, "toy machine traces differ for function " + n + ":\n" + f + "\n" + a);
            }
        }
        System.out.printf("random allocation on %s: %d functions, %d instructions, max int pressure %d, %d with spills, "
                + "%.2f moves per instruction, allocation %.1f ms%n", spec.getClass().getSimpleName(), count, insts,
                maxPressure, spilled, (double) edits / insts, nanos / 1e6);
        assertTrue(spilled >= minSpilled, "the generator must produce real register pressure");
    }

    /** Most integer vregs live at one position. */
    static int maxIntPressure(MachFunction f, MachineSpec spec) {
        Lifetimes lt = LifetimeAnalysis.analyze(f, spec);
        int[] delta = new int[2 * f.numInsts() + 2];
        for (Interval it : lt.vregs) {
            if (it == null || it.regClass != RegClass.INT.ordinal()) {
                continue;
            }
            for (int k = 0; k < it.numRanges; k++) {
                delta[it.ranges[2 * k]]++;
                delta[it.ranges[2 * k + 1]]--;
            }
        }
        int live = 0;
        int max = 0;
        for (int d : delta) {
            live += d;
            max = Math.max(max, live);
        }
        return max;
    }
}
