package dev.vex.runtime.jit;

import dev.vex.exec.Outcome;
import dev.vex.ir.TrapCode;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.VexRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code ; run:} line of an async function on native code: a fresh runtime ({@link #WORKERS} workers unless told),
 * the function spawned as a task with the line's canonical arguments, joined. A task that has
 * not ended after {@link #TIMEOUT_SECONDS} (a deadlock in the test, or a compiler bug) is
 * cancelled and reported as a failure instead of hanging the runner.
 */
final class AsyncRunLine {
    static final int WORKERS = 2;
    static final long TIMEOUT_SECONDS = 60;

    private AsyncRunLine() {
    }

    static Outcome run(NativeFunction f, long[] args, int workers) {
        try (VexRuntime rt = VexRuntime.create(workers)) {
            TaskHandle h = rt.spawn(f.descriptor(), args);
            CompletableFuture<TaskResult> joined = CompletableFuture.supplyAsync(h::join);
            TaskResult r;
            boolean timedOut = false;
            try {
                r = joined.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                h.cancel();
                r = joined.join();
                timedOut = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                h.cancel();
                return new Outcome.Failed("interrupted while %" + f.name() + " ran");
            } catch (ExecutionException e) {
                return new Outcome.Failed("joining %" + f.name() + ": " + e.getCause());
            }
            return switch (r.outcome()) {
                case COMPLETED -> new Outcome.Returned(r.values());
                case FAILED -> {
                    int code = (int) r.value(0);
                    TrapCode trap = TrapCode.fromNumber(code);
                    String where = f.module().functionNameAt(r.value(1));
                    String fn = where != null ? where : f.name();
                    yield trap == null ? new Outcome.Failed("trap with unknown code " + code + " in %" + fn)
                            : new Outcome.Trapped(trap, fn);
                }
                case CANCELLED -> new Outcome.Failed("%" + f.name() + (timedOut
                        ? " did not finish within " + TIMEOUT_SECONDS + " s (cancelled)" : " was cancelled"));
            };
        }
    }
}
