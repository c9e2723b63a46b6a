package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.eventually;
import static dev.vex.runtime.abuse.Expect.thrown;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.VexCallException;
import dev.vex.runtime.VexRuntime;
import java.lang.ref.WeakReference;

/** Class 2: a module's code must outlive the tasks that run it. */
final class ModuleLifetimeCases {
    private ModuleLifetimeCases() {
    }

    /** Closing the module while a detached child of its code still runs does not unmap the code
     * under the child; the code goes when the runtime closes. */
    static void closeWithDetachedChild() throws Exception {
        for (int round = 0; round < 5; round++) {
            VexRuntime rt = VexRuntime.create(2);
            NativeModule m = AbuseProgram.compile();
            check((Long) rt.blockOn(m.function("spawn_detached"), 100L) == 100L, "spawn_detached returned");
            check(rt.liveTasks() >= 1, "the detached child runs");
            m.close(); // the child still has ~100 ms of 1 ms sleeps to go, in m's code
            check(m.isClosed(), "closed");
            eventually(5000, "the detached child ends", () -> rt.liveTasks() == 0);
            rt.close();
        }
    }

    /** A module nobody references any more is not collected while a task of it runs. */
    static void gcWithRunningTask() throws Exception {
        VexRuntime rt = VexRuntime.create(2);
        TaskHandle h;
        WeakReference<NativeModule> weak;
        {
            NativeModule m = AbuseProgram.compile();
            h = rt.spawn(m.function("ticks"), 200L);
            weak = new WeakReference<>(m);
        }
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(10);
        }
        check(weak.get() != null, "the runtime keeps the module of its running task");
        check(h.result().equals(0L), "the task finished its 200 ticks");
        h = null; // the handle names the function, which names the module
        rt.close();
        for (int i = 0; i < 50 && weak.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        check(weak.get() == null, "after close the module can be collected");
    }

    static void spawnAfterClose() throws Exception {
        try (VexRuntime rt = VexRuntime.create(1)) {
            NativeModule m = AbuseProgram.compile();
            check((Long) rt.blockOn(m.function("sleep_ns"), 10L) == 10L, "a spawn before close works");
            m.close();
            VexCallException e = thrown(VexCallException.class, () -> rt.spawn(m.function("sleep_ns"), 10L));
            check(e.getMessage().contains("closed"), e.getMessage());
            thrown(VexCallException.class, () -> rt.spawn(m.function("sleep_ns").descriptor(), 10L));
            thrown(VexCallException.class, () -> m.function("load").invoke(16L));
            // A fresh runtime too.
            try (VexRuntime rt2 = VexRuntime.create(1)) {
                thrown(VexCallException.class, () -> rt2.blockOn(m.function("sleep_ns"), 10L));
            }
        }
    }
}
