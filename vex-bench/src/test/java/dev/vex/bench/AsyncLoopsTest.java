package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.Targets;
import org.junit.jupiter.api.Test;

/** The async loops the benchmarks time do the work they are divided by (small counts). */
class AsyncLoopsTest {
    @Test
    void loopsReturnTheirOperationCounts() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        try (NativeModule m = AsyncLoops.compile(); VexRuntime one = VexRuntime.create(1); VexRuntime two = VexRuntime.create(2)) {
            assertEquals(1000L, one.blockOn(m.function("ready_loop"), 1000L));
            assertEquals(1000L, m.function("call_loop").invokeLong(1000L));
            assertEquals(500L, one.blockOn(m.function("yield_loop"), 500L));
            assertEquals(1000L, two.blockOn(m.function("yield_tasks"), 2L, 500L));
            assertEquals(1000L * 999 / 2, two.blockOn(m.function("spawn_loop"), 1000L, 100L));
            assertEquals(2 * 300L, one.blockOn(m.function("ping_pong"), 300L));
            long ch = one.newChannel(0);
            assertEquals(50L, one.blockOn(m.function("spawn_idle"), 0L, 50L, ch));
            one.closeChannel(ch); // the 50 waiters see it closed and end
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (one.liveTasks() != 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            assertEquals(0, one.liveTasks());
        }
    }
}
