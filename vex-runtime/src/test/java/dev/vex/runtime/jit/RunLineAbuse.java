package dev.vex.runtime.jit;

import dev.vex.exec.Outcome;
import dev.vex.runtime.NativeFunction;

/** The abuse suite's view of {@link AsyncRunLine}'s timeout path, with a short timeout. */
public final class RunLineAbuse {
    private RunLineAbuse() {
    }

    /** Runs f(args) as a run line that times out after timeoutMillis; returns the failure text, or
     * throws if the line did not fail. */
    public static String failureOf(NativeFunction f, long timeoutMillis, long... args) {
        Outcome o = AsyncRunLine.run(f, args, AsyncRunLine.WORKERS, timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (o instanceof Outcome.Failed failed) return failed.reason();
        throw new AssertionError("the run line did not fail: " + o);
    }
}
