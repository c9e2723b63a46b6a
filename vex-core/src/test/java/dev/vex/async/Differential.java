package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.interp.InterpreterOptions;
import dev.vex.interp.RunReport;
import dev.vex.ir.Module;
import dev.vex.verify.Verifier;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an async function of a module twice, on the interpreter as written and lowered on the
 * {@link PollingScheduler}, and checks that both give the same outcome, bit for bit, at the same
 * virtual time, with every boxed frame freed.
 */
final class Differential {
    static final long STEP_LIMIT = 20_000_000L;

    private final Module original;
    private final LoweredModule lowered;
    private final Interpreter interpreter;

    Differential(Module original) {
        Verifier.check(original);
        this.original = original;
        this.lowered = AsyncLowering.lower(original, PollingScheduler.RUNTIME_LEAVES);
        List<?> errors = Verifier.verify(lowered.module());
        assertTrue(errors.isEmpty(), () -> "the lowered module does not verify: " + errors + "\n" + lowered.module());
        this.interpreter = new Interpreter(original, InterpreterOptions.DEFAULTS.withStepLimit(STEP_LIMIT));
    }

    LoweredModule lowered() {
        return lowered;
    }

    /** Checks one call both ways (with and without spurious polls); returns the original's outcome. */
    Outcome check(String function, long[] args) {
        RunReport want = interpreter.runWithReport(function, args);
        for (int spurious : new int[] {0, 2}) {
            PollingScheduler.Result got = new PollingScheduler(lowered, spurious, STEP_LIMIT).blockOn(function, args);
            String what = "%" + function + Arrays.toString(args) + " with " + spurious + " spurious polls";
            compare(want.outcome(), got.outcome(), what);
            if (want.outcome() instanceof Outcome.Returned) {
                assertEquals(want.virtualNanos(), got.virtualNanos(), what + ": virtual time");
                assertEquals(0, got.liveBoxedFrames(), what + ": boxed frames left allocated");
            }
        }
        return want.outcome();
    }

    private static void compare(Outcome want, Outcome got, String what) {
        if (want instanceof Outcome.Returned w) {
            Outcome.Returned g = assertInstanceOf(Outcome.Returned.class, got, what + ": " + got);
            assertEquals(Arrays.toString(w.values()), Arrays.toString(g.values()), what);
        } else if (want instanceof Outcome.Trapped w) {
            Outcome.Trapped g = assertInstanceOf(Outcome.Trapped.class, got, what + ": " + got);
            assertEquals(w.code(), g.code(), what);
        } else {
            fail(what + ": the original run failed: " + want);
        }
    }
}
