package dev.vex.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * The JVM peers a user would pick without Vex, with the same operation counts as
 * {@link VexAsyncBenchmark}: {@link CompletableFuture} on a {@link ForkJoinPool} of 1 or 2
 * threads, and a ping-pong between two platform threads over {@link SynchronousQueue}s. Callees
 * are kept out of line ({@link CompilerControl.Mode#DONT_INLINE}), like Vex's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompletableFutureBenchmark {
    private ExecutorService one;
    private ExecutorService two;
    @SuppressWarnings("unchecked")
    private final CompletableFuture<Long>[] batch = new CompletableFuture[VexAsyncBenchmark.SPAWN_BATCH];

    @Setup
    public void setup() {
        one = new ForkJoinPool(1);
        two = new ForkJoinPool(2);
    }

    @TearDown
    public void tearDown() {
        one.shutdownNow();
        two.shutdownNow();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static CompletableFuture<Long> readyStep(long x) {
        return CompletableFuture.completedFuture(x + 1);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long plainStep(long x) {
        return x + 1;
    }

    /** join() of an already-completed future returned by an out-of-line callee. */
    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.READY)
    public long readyAwait() {
        long i = 0;
        while (i < VexAsyncBenchmark.READY) i = readyStep(i).join();
        return i;
    }

    /** The baseline in the same JVM: the same callee as a plain call. */
    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.READY)
    public long plainCall() {
        long i = 0;
        while (i < VexAsyncBenchmark.READY) i = plainStep(i);
        return i;
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.SPAWNS)
    public long spawnJoin1() {
        return spawnJoin(one);
    }

    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.SPAWNS)
    public long spawnJoin2() {
        return spawnJoin(two);
    }

    private long spawnJoin(ExecutorService pool) {
        long sum = 0;
        for (int done = 0; done < VexAsyncBenchmark.SPAWNS; done += batch.length) {
            for (int i = 0; i < batch.length; i++) {
                long v = done + i;
                batch[i] = CompletableFuture.supplyAsync(() -> v, pool);
            }
            for (CompletableFuture<Long> f : batch) sum += f.join();
        }
        return sum;
    }

    /** Ping-pong between two platform threads (the caller and a pool thread) over rendezvous queues. */
    @Benchmark
    @OperationsPerInvocation(VexAsyncBenchmark.ROUND_TRIPS)
    public long pingPongThreads() throws InterruptedException {
        return PingPong.run(one, VexAsyncBenchmark.ROUND_TRIPS);
    }
}
