package dev.vex.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A spawned task. Exactly one of {@link #join} or {@link #detach} gives the handle back; {@link
 * #cancel} may come before either. A handle still held when its runtime closes is detached then.
 */
public final class TaskHandle {
    private final VexRuntime runtime;
    private final FutureDescriptor descriptor;
    private final long raw;
    private final AtomicBoolean released = new AtomicBoolean();

    TaskHandle(VexRuntime runtime, FutureDescriptor descriptor, long raw) {
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
            long[] results = new long[descriptor.resultCount()];
            int status = runtime.library().vex_handle_wait(raw, results.length == 0 ? null : results, results.length);
            return new TaskResult(TaskOutcome.of(status), results);
        } finally {
            runtime.forget(this);
        }
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
