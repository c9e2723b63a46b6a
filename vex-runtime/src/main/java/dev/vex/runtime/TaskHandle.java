package dev.vex.runtime;

import dev.vex.ir.TrapCode;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A spawned task. Exactly one of {@link #join} or {@link #detach} gives the handle back; {@link
 * #cancel} may come before either. A handle still held when its runtime closes is detached then.
 */
public final class TaskHandle {
    private final VexRuntime runtime;
    private final FutureDescriptor descriptor;
    private final long raw;
    private final NativeFunction function; // null for a handle spawned by descriptor
    private final AtomicBoolean released = new AtomicBoolean();

    TaskHandle(VexRuntime runtime, FutureDescriptor descriptor, long raw) {
        this(runtime, descriptor, raw, null);
    }

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
        claim("join");
        try {
            // At least one slot: a failed task's value 0 is its trap code, whatever its results.
            int n = descriptor.resultCount();
            long[] results = new long[Math.max(1, n)];
            TaskOutcome outcome = TaskOutcome.of(runtime.library().vex_handle_wait(raw, results, results.length));
            return new TaskResult(outcome, outcome == TaskOutcome.FAILED ? results : Arrays.copyOf(results, n));
        } finally {
            runtime.forget(this);
        }
    }

    /**
     * Blocks until a task of a compiled function ({@link VexRuntime#spawn(NativeFunction, Object...)})
     * ends and returns its results typed as {@link NativeFunction#invoke} does; gives the handle
     * back. A trap in the task throws {@link VexTrapException} (code and function; no offset, the
     * task ran on a worker), a cancelled task {@link VexRuntimeException}.
     */
    public Object result() {
        if (function == null) throw new VexRuntimeException("result() needs a handle of a compiled function; use join()");
        TaskResult r = join();
        return switch (r.outcome()) {
            case COMPLETED -> function.boxResults(r.values());
            case FAILED -> {
                int code = (int) r.value(0);
                throw new VexTrapException(TrapCode.fromNumber(code), code, function.name(), -1);
            }
            case CANCELLED -> throw new VexRuntimeException("%" + function.name() + " was cancelled");
        };
    }

    /** Lets the task run to its end and be freed without anyone joining it. */
    public void detach() {
        claim("detach");
        runtime.library().vex_detach(raw);
        runtime.forget(this);
    }

    /** Asks the runtime to cancel the task at its next suspension; {@link #join} then reports CANCELLED. */
    public void cancel() {
        if (released.get()) throw new VexRuntimeException("cancel on a handle that was already joined or detached");
        runtime.checkOpen();
        runtime.library().vex_cancel(raw);
    }

    /** Called by the runtime's close: detaches if nobody did. */
    void release() {
        if (released.compareAndSet(false, true)) runtime.library().vex_detach(raw);
    }

    private void claim(String what) {
        runtime.checkOpen();
        if (!released.compareAndSet(false, true)) {
            throw new VexRuntimeException(what + " on a handle that was already joined or detached");
        }
    }
}
