package dev.vex.runtime;

import dev.vex.runtime.jna.VexLibrary;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A spawned task. Exactly one of {@link #join} or {@link #detach} gives the handle back (a second
 * one throws); {@link #cancel} may come before either, or while a join waits. A handle still held
 * when its runtime closes dies with the runtime: its task is cancelled and freed, and using the
 * handle afterwards throws.
 */
public final class TaskHandle {
    private static final int OPEN = 0;
    private static final int JOINING = 1;
    private static final int RELEASED = 2;

    private final VexRuntime runtime;
    private final FutureDescriptor descriptor;
    private final long raw;
    private final NativeFunction function; // null for a handle spawned by descriptor
    private final AtomicInteger state = new AtomicInteger(OPEN);

    TaskHandle(VexRuntime runtime, FutureDescriptor descriptor, long raw, NativeFunction function) {
        this.function = function;
        this.runtime = runtime;
        this.descriptor = descriptor;
        this.raw = raw;
    }

    /** The C handle (an {@code int64_t} for {@code vex_join}/{@code vex_detach}); still owned by this object. */
    public long raw() {
        return raw;
    }

    /** Blocks until the task ends and returns its outcome and results; gives the handle back. */
    public TaskResult join() {
        if (!state.compareAndSet(OPEN, JOINING)) {
            throw new VexRuntimeException("join on a handle that was already joined or detached");
        }
        try {
            runtime.enterJoin();
        } catch (VexRuntimeException closed) {
            state.set(RELEASED);
            throw closed;
        }
        int code;
        // At least two slots: a failed task's values are its trap code and the trap site.
        int n = descriptor.resultCount();
        long[] results = new long[Math.max(2, n)];
        try {
            code = runtime.library().vex_handle_wait(raw, results, results.length);
        } finally {
            state.set(RELEASED);
            runtime.exitJoin();
            runtime.forget(this);
        }
        if (code == VexLibrary.ERR_ABANDONED) {
            throw new VexRuntimeException(descriptor.name() + " was still running when its runtime was closed, and it"
                    + " never reached a suspension point: the runtime was abandoned");
        }
        if (code == VexLibrary.ERR_BAD_HANDLE) {
            throw new VexRuntimeException(runtime.shutDown() ? "the runtime is closed"
                    : "join on a handle the runtime does not know (" + raw + ")");
        }
        TaskOutcome outcome = TaskOutcome.of(code);
        return new TaskResult(outcome, outcome == TaskOutcome.FAILED ? results : Arrays.copyOf(results, n));
    }

    /**
     * Blocks until a task of a compiled function ({@link VexRuntime#spawn(NativeFunction, Object...)})
     * ends and returns its results typed as {@link NativeFunction#invoke} does; gives the handle
     * back. A trap in the task throws {@link VexTrapException} naming the code and the function
     * the trap was in (and the offset of the trap site); a cancelled task, or one that failed in
     * the runtime (a bad handle given to a builtin), {@link VexRuntimeException}.
     */
    public Object result() {
        if (function == null) throw new VexRuntimeException("result() needs a handle of a compiled function; use join()");
        TaskResult r = join();
        return switch (r.outcome()) {
            case COMPLETED -> function.boxResults(r.values());
            case FAILED -> {
                if (r.value(0) == VexLibrary.FAIL_BAD_HANDLE) {
                    throw new VexRuntimeException("%" + function.name() + " failed: it passed a bad task or channel handle"
                            + " (0, never issued, already joined or detached, of a closed runtime, or of the wrong kind)"
                            + " to a runtime builtin");
                }
                throw function.trapped((int) r.value(0), r.value(1));
            }
            case CANCELLED -> throw new VexRuntimeException("%" + function.name() + " was cancelled");
        };
    }

    /**
     * A {@link CompletableFuture} of the task's end, in place of {@link #join} or {@link #detach}
     * (it takes the handle). Nothing in Java waits for it: a watcher task on the same runtime
     * awaits the task, and its end completes the future from an executor (the common pool), so
     * the future's dependent stages never run on a runtime worker. The value is typed as
     * {@link #result()} gives it for a compiled function with at most one result (null for
     * none), and the task's first result slot for a handle spawned by descriptor.
     *
     * <p>A trap in the task completes the future exceptionally with {@link VexTrapException}
     * (its trap site unknown); a task cancelled in the runtime cancels the future; cancelling the
     * future cancels the task. If the runtime closes first, the future fails with
     * {@link VexRuntimeException}.
     *
     * @throws VexCallException for a compiled function with several results (use {@link #join})
     */
    public CompletableFuture<Object> toCompletableFuture() {
        if (function != null && function.signature().returns().size() > 1) {
            throw new VexCallException("%" + function.name() + " has " + function.signature().returns().size()
                    + " results: a CompletableFuture carries one (use join)");
        }
        if (!state.compareAndSet(OPEN, RELEASED)) {
            throw new VexRuntimeException("toCompletableFuture on a handle that was already joined or detached");
        }
        runtime.forget(this);
        return TaskFutures.watch(runtime, raw, function, function != null ? "%" + function.name() : descriptor.name());
    }

    /** Lets the task run to its end and be freed without anyone joining it. */
    public void detach() {
        if (!state.compareAndSet(OPEN, RELEASED)) {
            throw new VexRuntimeException("detach on a handle that was already joined or detached");
        }
        try {
            runtime.enterCall();
            try {
                runtime.library().vex_detach(raw);
            } finally {
                runtime.exitCall();
            }
        } finally {
            runtime.forget(this);
        }
    }

    /**
     * Asks the runtime to cancel the task at its next suspension; {@link #join} then reports
     * CANCELLED. Allowed while another thread joins; no effect on a task that already ended.
     */
    public void cancel() {
        if (state.get() == RELEASED) {
            throw new VexRuntimeException("cancel on a handle that was already joined or detached");
        }
        runtime.enterCall();
        try {
            // A join that finished meanwhile released the handle: the task has ended, so there is
            // nothing to cancel and the runtime's refusal is no error.
            runtime.library().vex_cancel(raw);
        } finally {
            runtime.exitCall();
        }
    }

    /** The runtime's close: cancels the task if the handle is still out (close runs the C side). */
    void cancelForClose() {
        if (state.get() != RELEASED) runtime.library().vex_cancel(raw);
    }
}
