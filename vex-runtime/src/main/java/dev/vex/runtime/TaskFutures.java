package dev.vex.runtime;

import com.sun.jna.Callback;
import dev.vex.runtime.jna.VexLibrary;
import dev.vex.text.ClifReader;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link TaskHandle#toCompletableFuture()}: a watcher task on the task's own runtime awaits
 * {@code %vex_join_status} of the task's handle and then calls back into Java, so no Java thread
 * waits for anything. The callback runs on a runtime worker; it only hands the outcome to an
 * executor, which completes the future, so the future's dependent stages never run on a worker.
 *
 * <p>Cancellation goes both ways: cancelling the future cancels the watcher, and a cancelled
 * watcher's join cancels the task it joins; a task cancelled in the runtime cancels the future.
 * Futures still pending when their runtime closes fail with {@link VexRuntimeException}.
 */
final class TaskFutures {
    private static final String WATCHER = """
            async function %vex_watch(i64, i64) {
                fn0 = async %vex_join_status(i64) -> i64, i64
                fn1 = %vex_java_task_ended(i64, i64, i64)
            block0(v0: i64, v1: i64):
                v2, v3 = await fn0(v0)
                call fn1(v1, v2, v3)
                return
            }
            """;

    /** {@code %vex_java_task_ended(token, outcome, value)}. */
    public interface Ended extends Callback {
        /** A watched task ended with {@code outcome} (VEX_TASK_*) and its first result, or trap code. */
        void invoke(long token, long outcome, long value);
    }

    private static final Ended ENDED = TaskFutures::ended;
    private static final AtomicLong TOKENS = new AtomicLong();
    private static final Map<Long, Watch> WATCHES = new ConcurrentHashMap<>();
    private static final Executor COMPLETER = ForkJoinPool.commonPool();
    /** Compiled on first use and never closed: every runtime spawns watchers of it. */
    private static volatile NativeFunction watcher;

    /** A watched task: its future, the watcher's handle, and how to type its result. */
    private record Watch(VexRuntime runtime, CompletableFuture<Object> future, NativeFunction function,
            String name, CompletableFuture<TaskHandle> watcher) {
    }

    private TaskFutures() {
    }

    /** Hands {@code task}'s handle (already taken from it) to a watcher; returns the future. */
    static CompletableFuture<Object> watch(VexRuntime runtime, long rawHandle, NativeFunction function, String name) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        long token = TOKENS.incrementAndGet();
        Watch w = new Watch(runtime, future, function, name, new CompletableFuture<>());
        WATCHES.put(token, w);
        runtime.trackFuture(token);
        try {
            // The task may end, and the callback run, before spawn returns: the watcher's handle
            // reaches stopWatcher through a future of its own.
            w.watcher.complete(runtime.spawn(watcher(), rawHandle, token));
        } catch (RuntimeException e) {
            WATCHES.remove(token);
            runtime.untrackFuture(token);
            throw e;
        }
        future.whenComplete((v, e) -> {
            if (e instanceof CancellationException && WATCHES.remove(token) != null) {
                // Cancelled from Java: the watcher's join takes the task down with it.
                runtime.untrackFuture(token);
                w.watcher.thenAccept(h -> stopWatcher(h, true));
            }
        });
        return future;
    }

    /** The runtime is closing: its pending futures fail, their watchers are cancelled with it. */
    static void runtimeClosed(long token) {
        Watch w = WATCHES.remove(token);
        if (w != null) {
            w.future.completeExceptionally(new VexRuntimeException(w.name + " did not end before its runtime was closed"));
        }
    }

    private static void ended(long token, long outcome, long value) {
        Watch w = WATCHES.remove(token);
        if (w == null) {
            return; // cancelled from Java meanwhile
        }
        COMPLETER.execute(() -> {
            w.watcher.thenAccept(h -> stopWatcher(h, false));
            w.runtime.untrackFuture(token);
            complete(w, TaskOutcome.of((int) outcome), value);
        });
    }

    private static void complete(Watch w, TaskOutcome outcome, long value) {
        switch (outcome) {
            case COMPLETED -> {
                NativeFunction f = w.function;
                if (f == null || f.signature().returns().isEmpty()) {
                    w.future.complete(f == null ? value : null);
                } else {
                    w.future.complete(f.boxResults(new long[] {value}));
                }
            }
            case CANCELLED -> w.future.cancel(false);
            case FAILED -> w.future.completeExceptionally(value == VexLibrary.FAIL_BAD_HANDLE
                    ? new VexRuntimeException(w.name + " failed: it passed a bad task or channel handle to a runtime builtin")
                    : w.function != null ? w.function.trapped((int) value, 0)
                    : new VexRuntimeException(w.name + " failed with trap code " + value));
        }
    }

    /** Cancels (if asked) and detaches the watcher; a runtime closed meanwhile has done both. */
    private static void stopWatcher(TaskHandle h, boolean cancel) {
        try {
            if (cancel) {
                h.cancel();
            }
            h.detach();
        } catch (VexRuntimeException closedOrDone) {
            // The runtime closed, which cancels and frees the watcher itself.
        }
    }

    private static NativeFunction watcher() {
        NativeFunction f = watcher;
        if (f == null) {
            synchronized (TaskFutures.class) {
                f = watcher;
                if (f == null) {
                    f = Vex.compile(ClifReader.readModule(WATCHER, "vex_watch.clif"),
                            new HostSymbols().javaCallback("vex_java_task_ended", ENDED)).function("vex_watch");
                    watcher = f;
                }
            }
        }
        return f;
    }
}
