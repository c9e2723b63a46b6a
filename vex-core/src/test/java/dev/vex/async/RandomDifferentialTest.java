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
        for (int seed = 1; seed <= PROGRAMS; seed++) {
            RandomAsyncModule.Program p = RandomAsyncModule.generate(seed);
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
            awaits += d.lowered().layouts().values().stream().mapToInt(l -> l.awaits().size()).sum();
        }
        assertTrue(awaits > PROGRAMS * 5, "too few awaits generated: " + awaits);
    }
}
