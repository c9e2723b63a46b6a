package dev.vex.bench;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.VexRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory per idle task, measured in a JVM of its own (memory is not something JMH
 * measures): {@code RssProbe wait|sleep N} spawns N detached tasks on a 1-worker runtime that
 * wait forever on a channel nobody sends on ({@code %wait_on}) or sleep for an hour
 * ({@code %sleep_for}), lets the worker run each to its suspension, and prints one line
 * {@code rss <kind> <tasks> <bytes before> <bytes after> <frame size>}. {@link BenchMain} starts
 * it with a pre-touched fixed-size Java heap, so the JVM's own growth stays out of the figure.
 */
public final class RssProbe {
    private RssProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean sleep = args[0].equals("sleep");
        long n = Long.parseLong(args[1]);
        try (NativeModule m = AsyncLoops.compile(); VexRuntime rt = VexRuntime.create(1)) {
            NativeFunction spawnIdle = m.function("spawn_idle");
            NativeFunction waiter = m.function(sleep ? "sleep_for" : "wait_on");
            long chan = rt.newChannel(0);
            long arg = sleep ? 3_600_000_000_000L : chan;
            // warm the path once (a few tasks), so code and first allocations are in "before"
            rt.blockOn(spawnIdle, sleep ? 1L : 0L, 1000L, arg);
            settle(rt, 1000);
            long before = rss();
            rt.blockOn(spawnIdle, sleep ? 1L : 0L, n, arg);
            settle(rt, n + 1000);
            long after = rss();
            System.out.printf("rss %s %d %d %d %d%n", args[0], n, before, after, waiter.descriptor().frameSize());
            System.out.flush();
            if (sleep) System.exit(0); // the sleepers would hold the runtime for an hour
            {
                rt.closeChannel(chan); // the waiters see the channel closed and end
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (rt.liveTasks() != 0 && System.nanoTime() < deadline) Thread.sleep(5);
                if (rt.liveTasks() != 0) throw new IllegalStateException(rt.liveTasks() + " waiters did not end");
            }
        }
    }

    /** Waits until the live tasks are as expected and a pass of the worker has let them all park. */
    private static void settle(VexRuntime rt, long live) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rt.liveTasks() < live && System.nanoTime() < deadline) Thread.sleep(5);
        Thread.sleep(300);
    }

    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
