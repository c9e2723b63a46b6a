package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.thrown;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.TaskOutcome;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.VexRuntimeException;

/** Class 4 (runtime side): sizes and durations at their limits. */
final class SizeCases {
    private SizeCases() {
    }

    static void channelCapacity() throws Exception {
        try (VexRuntime rt = VexRuntime.create(1); NativeModule m = AbuseProgram.compile()) {
            for (long cap : new long[] {1L << 40, 1L << 61, 1L << 62, Long.MAX_VALUE, (1L << 32) + 1}) {
                VexRuntimeException e = thrown(VexRuntimeException.class, () -> rt.newChannel(cap));
                check(e.getMessage().contains("limit"), e.getMessage());
                // Generated code gets 0 from vex_chan_new; its send fails cleanly.
                e = thrown(VexRuntimeException.class, () -> rt.blockOn(m.function("new_and_send"), cap));
                check(e.getMessage().contains("bad task or channel handle"), e.getMessage());
            }
            check((Long) rt.blockOn(m.function("new_and_send"), 4L) == 0L, "a small channel works");
        }
    }

    static void sleepInt64Max() throws Exception {
        try (VexRuntime rt = VexRuntime.create(1); NativeModule m = AbuseProgram.compile()) {
            TaskHandle h = rt.spawn(m.function("sleep_ns"), Long.MAX_VALUE);
            Thread.sleep(100);
            check(rt.liveTasks() == 1, "the sleep has not returned at once");
            h.cancel();
            check(h.join().outcome() == TaskOutcome.CANCELLED, "a 292-year sleep is cancelled, not finished");
        }
    }
}
