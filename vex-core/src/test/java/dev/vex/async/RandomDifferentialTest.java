package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import org.junit.jupiter.api.Test;

/** Random async modules ({@link RandomAsyncModule}) give the same results lowered as written. */
class RandomDifferentialTest {
    private static final int PROGRAMS = Integer.getInteger("vex.async.randomPrograms", 300);

    @Test
    void randomModulesAgree() {
        int awaits = 0;
        int saved = 0;
        int functions = 0;
        long lowerNanos = 0;
        for (int seed = 1; seed <= PROGRAMS; seed++) {
            RandomAsyncModule.Program p = RandomAsyncModule.generate(seed);
            long t0 = System.nanoTime();
            AsyncLowering.lower(p.module(), PollingScheduler.RUNTIME_LEAVES);
            lowerNanos += System.nanoTime() - t0;
            Differential d;
            try {
                d = new Differential(p.module());
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + p.module(), e);
            }
            try {
                Outcome o = d.check("f0", p.args());
                assertInstanceOf(Outcome.Returned.class, o, "seed " + seed);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + p.module()
                        + "\n" + d.lowered().module(), e);
            }
            for (AsyncFrameLayout l : d.lowered().layouts().values()) {
                functions++;
                awaits += l.awaits().size();
                saved += l.awaits().stream().mapToInt(a -> a.saved().size()).sum();
            }
        }
        System.out.printf("random async lowering: %d programs, %d async functions, %d awaits, %d values saved across"
                + " them, lowering %.1f ms in all%n", PROGRAMS, functions, awaits, saved, lowerNanos / 1e6);
        assertTrue(awaits > PROGRAMS * 5, "too few awaits generated: " + awaits);
    }
}
