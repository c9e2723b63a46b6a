package dev.vex.runtime.abuse;

import static dev.vex.runtime.abuse.Expect.check;
import static dev.vex.runtime.abuse.Expect.thrown;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.VexRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Class 1: closing a runtime while it is in use. */
final class TeardownCases {
    private TeardownCases() {
    }

    /** Threads wait in blockOn on long sleeps; close ends every wait with an exception. */
    static void closeWhileBlockOn() throws Exception {
        try (NativeModule m = AbuseProgram.compile()) {
            NativeFunction sleep = m.function("sleep_ns");
            for (int round = 0; round < 4; round++) {
                VexRuntime rt = VexRuntime.create(2);
                int n = 8;
                CountDownLatch started = new CountDownLatch(n);
                ConcurrentLinkedQueue<Throwable> outcomes = new ConcurrentLinkedQueue<>();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Thread t = new Thread(() -> {
                        started.countDown();
                        try {
                            rt.blockOn(sleep, 10_000_000_000L);
                            outcomes.add(new AssertionError("a 10 s sleep returned"));
                        } catch (Throwable e) {
                            outcomes.add(e);
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                started.await();
                Thread.sleep(50);
                long t0 = System.nanoTime();
                rt.close();
                for (Thread t : threads) t.join(5000);
                check(System.nanoTime() - t0 < 5_000_000_000L, "close and the joins took over 5 s");
                check(outcomes.size() == n, "only " + outcomes.size() + " of " + n + " blockOn calls returned");
                for (Throwable e : outcomes) {
                    check(e instanceof VexRuntimeException, "blockOn ended with " + e);
                }
            }
        }
    }

    /** Spawning threads race close: no deadlock, every spawn either works or says closed. */
    static void closeRacingSpawn() throws Exception {
        try (NativeModule m = AbuseProgram.compile()) {
            NativeFunction sleep = m.function("sleep_ns");
            for (int round = 0; round < 20; round++) {
                VexRuntime rt = VexRuntime.create(2);
                AtomicInteger spawned = new AtomicInteger();
                List<Thread> threads = new ArrayList<>();
                ConcurrentLinkedQueue<Throwable> wrong = new ConcurrentLinkedQueue<>();
                for (int i = 0; i < 4; i++) {
                    Thread t = new Thread(() -> {
                        try {
                            while (true) {
                                TaskHandle h = rt.spawn(sleep, 1_000_000L * (spawned.incrementAndGet() % 5));
                                if (spawned.get() % 3 == 0) h.detach();
                            }
                        } catch (VexRuntimeException closed) {
                            // the runtime closed under us: the expected end
                        } catch (Throwable e) {
                            wrong.add(e);
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                Thread.sleep(5 + round);
                rt.close();
                for (Thread t : threads) {
                    t.join(5000);
                    check(!t.isAlive(), "a spawning thread is stuck after close");
                }
                check(wrong.isEmpty(), "spawn failed with " + wrong.peek());
                check(spawned.get() > 0, "nothing was spawned");
            }
        }
    }

    /** A task that never suspends: close gives up after its grace, with an exception, and so does
     * the blockOn waiting for it; the JVM goes on. */
    static void neverSuspends() throws Exception {
        NativeModule m = AbuseProgram.compileWithoutPreemption();
        NativeFunction spin = m.function("spin");
        VexRuntime rt = VexRuntime.create(2);
        ConcurrentLinkedQueue<Throwable> outcome = new ConcurrentLinkedQueue<>();
        Thread waiter = new Thread(() -> {
            try {
                rt.blockOn(spin, 1L);
            } catch (Throwable e) {
                outcome.add(e);
            }
        });
        waiter.start();
        Thread.sleep(50);
        long t0 = System.nanoTime();
        VexRuntimeException e = thrown(VexRuntimeException.class, () -> rt.close(Duration.ofMillis(300)));
        check(e.getMessage().contains("suspension point"), e.getMessage());
        check(System.nanoTime() - t0 < 3_000_000_000L, "close took over 3 s");
        waiter.join(3000);
        check(!waiter.isAlive(), "blockOn still waits for the stuck task");
        check(outcome.peek() instanceof VexRuntimeException, "blockOn ended with " + outcome.peek());
        m.close(); // the abandoned runtime keeps the code mapped: the spinning worker runs it
        Thread.sleep(100);
        // The rest of the process still works.
        try (VexRuntime other = VexRuntime.create(1); NativeModule m2 = AbuseProgram.compile()) {
            check(((Long) other.blockOn(m2.function("sleep_ns"), 1000L)) == 1000L, "a new runtime works");
        }
    }
}
