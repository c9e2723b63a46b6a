package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vex.text.ClifReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link VexRuntime#hostFuture}: IR awaits a Java future; values, failure and cancellation on both sides. */
class HostFutureTest {
    /** Returns the value, or 1,000,000 when the channel says the future failed or was cancelled. */
    static final String SOURCE = """
            async function %await_host(i64) -> i64 {
                fn0 = async %vex_chan_recv(i64) -> i64, i64
            block0(v0: i64):
                v1, v2 = await fn0(v0)
                v3 = iconst.i64 1000000
                v4 = imul v1, v3
                v5 = iadd v4, v2
                return v5
            }
            """;

    @Test
    void aParkedTaskWakesWithTheValueWhenJavaCompletes() throws Exception {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "host.clif"));
                VexRuntime rt = VexRuntime.create(1)) {
            CompletableFuture<Long> later = new CompletableFuture<>();
            CompletableFuture<Object> task = rt.spawn(m.function("await_host"), rt.hostFuture(later)).toCompletableFuture();
            Thread.sleep(50);
            assertFalse(task.isDone(), "the task waits for the Java future");
            later.complete(42L);
            assertEquals(42L, task.get(10, TimeUnit.SECONDS));

            assertEquals(7L, rt.blockOn(m.function("await_host"), rt.hostFuture(CompletableFuture.completedFuture(7))),
                    "a future already done");
            assertEquals(Double.doubleToRawLongBits(0.5),
                    rt.blockOn(m.function("await_host"), rt.hostFuture(CompletableFuture.completedFuture(0.5))));
        }
    }

    @Test
    void aFailedOrCancelledJavaFutureClosesTheChannel() throws Exception {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "host.clif"));
                VexRuntime rt = VexRuntime.create(1)) {
            CompletableFuture<Long> failing = new CompletableFuture<>();
            TaskHandle a = rt.spawn(m.function("await_host"), rt.hostFuture(failing));
            failing.completeExceptionally(new IllegalStateException("no"));
            assertEquals(1_000_000L, a.result());

            CompletableFuture<Long> cancelled = new CompletableFuture<>();
            TaskHandle b = rt.spawn(m.function("await_host"), rt.hostFuture(cancelled));
            cancelled.cancel(true);
            assertEquals(1_000_000L, b.result());
        }
    }

    @Test
    void cancellingTheAwaitingTaskLeavesTheJavaFutureAndALateValueIsHarmless() throws Exception {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "host.clif"));
                VexRuntime rt = VexRuntime.create(1)) {
            CompletableFuture<Long> java = new CompletableFuture<>();
            TaskHandle h = rt.spawn(m.function("await_host"), rt.hostFuture(java));
            h.cancel();
            assertEquals(TaskOutcome.CANCELLED, h.join().outcome());
            assertFalse(java.isDone());
            java.complete(5L); // delivered into a channel nobody receives from
            assertEquals(9L, rt.blockOn(m.function("await_host"), rt.hostFuture(CompletableFuture.completedFuture(9L))),
                    "the runtime goes on");
        }
    }

    @Test
    void javaToVexToJavaWithNoThreadWaiting() throws Exception {
        try (NativeModule m = Vex.compile(ClifReader.readModule(SOURCE, "host.clif"));
                VexRuntime rt = VexRuntime.create(2)) {
            CompletableFuture<Long> in = new CompletableFuture<>();
            CompletableFuture<Object> out = rt.spawn(m.function("await_host"), rt.hostFuture(in)).toCompletableFuture()
                    .thenApply(v -> (Long) v + 1);
            in.completeAsync(() -> 99L);
            assertEquals(100L, out.get(10, TimeUnit.SECONDS));
        }
    }
}
