package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java side: starting and stopping runtimes, and running the C leaf futures through JNA. */
class VexRuntimeTest {
    static final long HOUR = 3_600_000_000_000L;

    @Test
    void theLibraryShipsInJnaResourceLayout() {
        assertNotNull(VexRuntime.class.getResource("/linux-x86-64/libvexrt.so"));
    }

    @Test
    void createsTheRequestedWorkersAndClosesTwice() {
        VexRuntime rt = VexRuntime.create(3);
        assertEquals(3, rt.workers());
        assertEquals(0, rt.liveTasks());
        rt.close();
        rt.close();
        assertThrows(VexRuntimeException.class, rt::workers);
    }

    @Test
    void blockOnASleepWaitsAtLeastItsDuration() {
        try (VexRuntime rt = VexRuntime.create(2)) {
            long t0 = System.nanoTime();
            TaskResult r = rt.blockOn(FutureDescriptor.builtin("vex_sleep"), 20_000_000L);
            assertEquals(TaskOutcome.COMPLETED, r.outcome());
            assertTrue(System.nanoTime() - t0 >= 20_000_000L);
            awaitNoLiveTasks(rt);
        }
    }

    @Test
    void builtinDescriptorsDescribeTheLeafFutures() {
        FutureDescriptor recv = FutureDescriptor.builtin("vex_chan_recv");
        assertEquals("vex_chan_recv", recv.name());
        assertEquals(1, recv.paramCount());
        assertEquals(2, recv.resultCount());
        assertEquals(Pointer.nativeValue(FutureDescriptor.runtimeFunction("vex_chan_recv")),
                Pointer.nativeValue(recv.resume()));
        assertEquals(64, recv.frameSize());
        assertThrows(VexRuntimeException.class, () -> FutureDescriptor.builtin("vex_no_such_thing"));
    }

    @Test
    void aDescriptorBuiltInJavaMemoryRuns() {
        FutureDescriptor sleep = FutureDescriptor.builtin("vex_sleep");
        FutureDescriptor mine = FutureDescriptor.create(FutureDescriptor.runtimeFunction("vex_sleep"),
                sleep.frameSize(), 8, 1, 0, "my_sleep");
        assertEquals("my_sleep", mine.name());
        try (VexRuntime rt = VexRuntime.create(2)) {
            List<TaskHandle> hs = new ArrayList<>();
            for (int i = 0; i < 100; i++) hs.add(rt.spawn(mine, 1_000_000L * (i % 5)));
            for (TaskHandle h : hs) assertEquals(TaskOutcome.COMPLETED, h.join().outcome());
            awaitNoLiveTasks(rt);
        }
    }

    @Test
    void channelsCarryValuesBetweenTasks() {
        FutureDescriptor send = FutureDescriptor.builtin("vex_chan_send");
        FutureDescriptor recv = FutureDescriptor.builtin("vex_chan_recv");
        try (VexRuntime rt = VexRuntime.create(2)) {
            long ch = rt.newChannel(0);
            List<TaskHandle> senders = new ArrayList<>();
            for (long v = 1; v <= 50; v++) senders.add(rt.spawn(send, ch, v * 10));
            long sum = 0;
            for (int i = 0; i < 50; i++) {
                TaskResult r = rt.blockOn(recv, ch);
                assertEquals(0, r.value(0));
                sum += r.value(1);
            }
            assertEquals(10 * 50 * 51 / 2, sum);
            for (TaskHandle h : senders) assertArrayEquals(new long[] {0}, h.join().values());
            rt.closeChannel(ch);
            assertArrayEquals(new long[] {1, 0}, rt.blockOn(recv, ch).values());
            assertArrayEquals(new long[] {1}, rt.blockOn(send, ch, 5).values());
            awaitNoLiveTasks(rt);
        }
    }

    @Test
    void cancelledTasksReportCancelledAndAreFreed() {
        try (VexRuntime rt = VexRuntime.create(2)) {
            TaskHandle h = rt.spawn(FutureDescriptor.builtin("vex_sleep"), HOUR);
            h.cancel();
            TaskResult r = h.join();
            assertEquals(TaskOutcome.CANCELLED, r.outcome());
            awaitNoLiveTasks(rt);
        }
    }

    @Test
    void closeCancelsWhatIsStillRunning() {
        VexRuntime rt = VexRuntime.create(2);
        TaskHandle kept = rt.spawn(FutureDescriptor.builtin("vex_sleep"), HOUR);
        rt.spawn(FutureDescriptor.builtin("vex_sleep"), HOUR).detach();
        long ch = rt.newChannel(1);
        rt.spawn(FutureDescriptor.builtin("vex_chan_recv"), ch).detach();
        long t0 = System.nanoTime();
        rt.close();
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        assertThrows(VexRuntimeException.class, kept::join);
    }

    @Test
    void badUseIsReported() {
        try (VexRuntime rt = VexRuntime.create(1)) {
            FutureDescriptor sleep = FutureDescriptor.builtin("vex_sleep");
            assertThrows(VexRuntimeException.class, () -> rt.spawn(sleep));
            assertThrows(VexRuntimeException.class, () -> rt.spawn(sleep, 1, 2));
            TaskHandle h = rt.spawn(sleep, 0L);
            h.join();
            assertThrows(VexRuntimeException.class, h::join);
            assertThrows(VexRuntimeException.class, h::detach);
            assertThrows(VexRuntimeException.class, () -> rt.newChannel(-1));
            assertThrows(VexRuntimeException.class, () -> FutureDescriptor.create(
                    FutureDescriptor.runtimeFunction("vex_sleep"), 8, 8, 1, 0, "too_small"));
            assertThrows(VexRuntimeException.class, () -> FutureDescriptor.create(
                    FutureDescriptor.runtimeFunction("vex_sleep"), 80, 12, 1, 0, "odd_alignment"));
        }
    }

    static void awaitNoLiveTasks(VexRuntime rt) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rt.liveTasks() != 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(0, rt.liveTasks());
    }
}
