package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.eventually;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.TaskOutcome;
import dev.vex.runtime.VexRuntime;

/** Class 7: cancelling a parent takes the children it holds handles of. */
final class CancellationCases {
    private CancellationCases() {
    }

    static void children() throws Exception {
        try (VexRuntime rt = VexRuntime.create(2); NativeModule m = AbuseProgram.compile()) {
            for (int run = 0; run < 150; run++) {
                TaskHandle h = rt.spawn(m.function("parent"), 12L);
                eventually(2000, "the parent spawned its 12 children", () -> rt.liveTasks() >= 13);
                h.cancel();
                check(h.join().outcome() == TaskOutcome.CANCELLED, "the parent was cancelled");
            }
            eventually(5000, "no task is left after 150 cancelled runs (" + rt.liveTasks() + " live)",
                    () -> rt.liveTasks() == 0);
        }
    }
}
