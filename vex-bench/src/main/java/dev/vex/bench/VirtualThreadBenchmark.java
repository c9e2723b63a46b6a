package dev.vex.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Virtual threads (JDK 21 or later) as the peer for yield, spawn + join and ping-pong. The
 * module targets Java 17, so the executor is looked up reflectively. The number of carriers is
 * the JVM's {@code -Djdk.virtualThreadScheduler.parallelism}: {@link BenchMain} runs the methods
 * ending in 1 with 1 carrier and those ending in 2 with 2. Every timed loop runs inside a virtual
 * thread; the JMH thread only submits it and waits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VirtualThreadBenchmark {
    private ExecutorService virtualThreads;

    @Setup
    public void setup() throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtual threads need JDK 21 or later, this is " + Runtime.version());
        }
        virtualThreads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    @TearDown
    public void tearDown() {
        virtualThreads.shutdownNow();
    }

    private <T> T inVirtualThread(java.util.concurrent.Callable<T> body) throws Exception {
        return virtualThreads.submit(body).get();
    }

    static long yieldLoop(int n) {
        for (int i = 0; i < n; i++) Thread.yield();
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.YIELDS)
    public long yield1() throws Exception {
        return inVirtualThread(() -> yieldLoop(VexAsyncBenchmark.YIELDS));
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.YIELDS)
    public long yield2() throws Exception {
        List<Future<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < VexAsyncBenchmark.YIELD_TASKS; t++) {
            tasks.add(virtualThreads.submit(() -> yieldLoop(VexAsyncBenchmark.YIELDS)));
        }
        long total = 0;
        for (Future<Long> f : tasks) total += f.get();
        return total;
    }

    private long spawnJoin() throws Exception {
        return inVirtualThread(() -> {
            @SuppressWarnings("unchecked")
            Future<Long>[] batch = new Future[VexAsyncBenchmark.SPAWN_BATCH];
            long sum = 0;
            for (int done = 0; done < VexAsyncBenchmark.SPAWNS; done += batch.length) {
                for (int i = 0; i < batch.length; i++) {
                    long v = done + i;
                    batch[i] = virtualThreads.submit(() -> v);
                }
                for (Future<Long> f : batch) sum += f.get();
            }
            return sum;
        });
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.SPAWNS)
    public long spawnJoin1() throws Exception {
        return spawnJoin();
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.SPAWNS)
    public long spawnJoin2() throws Exception {
        return spawnJoin();
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.ROUND_TRIPS)
    public long pingPong1() throws Exception {
        return inVirtualThread(() -> PingPong.run(virtualThreads, VexAsyncBenchmark.ROUND_TRIPS));
    }
}
