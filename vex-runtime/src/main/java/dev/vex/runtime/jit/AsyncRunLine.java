package dev.vex.runtime.jit;

import dev.vex.exec.Outcome;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.VexRuntimeException;
import dev.vex.runtime.jna.VexLibrary;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code ; run:} line of an async function on native code: a fresh runtime ({@link #WORKERS} workers unless told),
 * the function spawned as a task with the line's canonical arguments, joined. A task that has
 * not ended after {@link #TIMEOUT_SECONDS} (a deadlock in the test, or a compiler bug) is
 * cancelled and reported as a failure instead of hanging the runner; one that does not even
 * reach a suspension point then is abandoned with its runtime ({@link VexRuntime#close}).
 */
final class AsyncRunLine {
    static final int WORKERS = 2;
    static final long TIMEOUT_SECONDS = 60;
    /** How long a cancelled task may take to reach its next suspension point. */
    static final long CANCEL_GRACE_SECONDS = 2;

    private AsyncRunLine() {
    }

    static Outcome run(NativeFunction f, long[] args, int workers) {
        return run(f, args, workers, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static Outcome run(NativeFunction f, long[] args, int workers, long timeout, TimeUnit unit) {
        VexRuntime rt = VexRuntime.create(workers);
        boolean stuck = false;
        try {
            TaskHandle h = rt.spawn(f.descriptor(), args);
            CompletableFuture<TaskResult> joined = CompletableFuture.supplyAsync(h::join);
            TaskResult r;
            boolean timedOut = false;
            try {
                r = joined.get(timeout, unit);
            } catch (TimeoutException e) {
                h.cancel();
                timedOut = true;
                try {
                    r = joined.get(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException notCancelled) {
                    stuck = true;
                    return new Outcome.Failed("%" + f.name() + " did not finish within " + timeout + " "
                            + unit.name().toLowerCase() + " and never reached a suspension point to be cancelled at"
                            + " (its runtime was abandoned)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                h.cancel();
                return new Outcome.Failed("interrupted while %" + f.name() + " ran");
            }
            return switch (r.outcome()) {
                case COMPLETED -> new Outcome.Returned(r.values());
                case FAILED -> {
                    int code = (int) r.value(0);
                    if (r.value(0) == VexLibrary.FAIL_BAD_HANDLE) {
                        yield new Outcome.Failed("%" + f.name() + " passed a bad task or channel handle to a runtime"
                                + " builtin (0, never issued, already joined or detached, or of the wrong kind)");
                    }
                    TrapCode trap = TrapCode.fromNumber(code);
                    String where = f.module().functionNameAt(r.value(1));
                    String fn = where != null ? where : f.name();
                    yield trap == null ? new Outcome.Failed("trap with unknown code " + code + " in %" + fn)
                            : new Outcome.Trapped(trap, fn);
                }
                case CANCELLED -> new Outcome.Failed("%" + f.name() + (timedOut
                        ? " did not finish within " + timeout + " " + unit.name().toLowerCase() + " (cancelled)"
                        : " was cancelled"));
            };
        } catch (ExecutionException e) {
            return new Outcome.Failed("joining %" + f.name() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while %" + f.name() + " ran");
        } finally {
            try {
                // A task known not to suspend gets no second grace period.
                rt.close(stuck ? Duration.ofMillis(100) : Duration.ofSeconds(CANCEL_GRACE_SECONDS));
            } catch (VexRuntimeException abandoned) {
                // A task that never suspends (the line's, reported above, or a stray child of a
                // line that returned) keeps its runtime: the outcome stands.
            }
        }
    }
}
