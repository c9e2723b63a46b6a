package dev.vex.bench;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.VexRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Vex's async figures, in ns per operation. Each invocation is one call from Java into native
 * code (a {@code blockOn} of a compiled async loop, or {@code invokeBits} of a sync one) that runs
 * the loop of {@code async-loops.clif} many times; {@link OperationsPerInvocation} divides, so the
 * JNA call and the task start are spread over thousands of operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VexAsyncBenchmark {
    static final int READY = 1_000_000;
    static final int YIELDS = 200_000;
    /**
     * Tasks yielding at once on 2 workers: one per worker, so the figure is the yield round trip
     * when both workers run it at once (wall time / yields per task; ideal: the 1-worker figure).
     */
    static final int YIELD_TASKS = 2;
    static final int SPAWNS = 100_000;
    /** Tasks spawned before joining them, in {@code %spawn_loop}. */
    static final int SPAWN_BATCH = 100;
    static final int ROUND_TRIPS = 100_000;

    private NativeModule module;
    private VexRuntime one;
    private VexRuntime two;
    private NativeFunction readyLoop;
    private NativeFunction callLoop;
    private NativeFunction yieldLoop;
    private NativeFunction yieldTasks;
    private NativeFunction spawnLoop;
    private NativeFunction pingPong;
    private final long[] callArgs = {READY};
    private final long[] callResult = new long[1];

    @Setup
    public void setup() {
        module = AsyncLoops.compile();
        one = VexRuntime.create(1);
        two = VexRuntime.create(2);
        readyLoop = module.function("ready_loop");
        callLoop = module.function("call_loop");
        yieldLoop = module.function("yield_loop");
        yieldTasks = module.function("yield_tasks");
        spawnLoop = module.function("spawn_loop");
        pingPong = module.function("ping_pong");
        // each loop once, checked: a figure for a loop that computes the wrong thing is worthless
        expect(READY, one.blockOn(readyLoop, (long) READY), "ready_loop");
        expect(READY, callBaseline(), "call_loop");
        expect(YIELDS, one.blockOn(yieldLoop, (long) YIELDS), "yield_loop");
        expect((long) YIELD_TASKS * YIELDS, two.blockOn(yieldTasks, (long) YIELD_TASKS, (long) YIELDS), "yield_tasks");
        expect((long) SPAWNS * (SPAWNS - 1) / 2, two.blockOn(spawnLoop, (long) SPAWNS, (long) SPAWN_BATCH), "spawn_loop");
        expect(2L * ROUND_TRIPS, one.blockOn(pingPong, (long) ROUND_TRIPS), "ping_pong");
    }

    static void expect(long expected, Object actual, String what) {
        if (!Long.valueOf(expected).equals(actual)) {
            throw new IllegalStateException("%" + what + " returned " + actual + ", expected " + expected);
        }
    }

    @TearDown
    public void tearDown() {
        two.close();
        one.close();
        module.close();
    }

    /** An already-ready async callee, awaited out of line, 1 worker. */
    @Benchmark
    @OperationsPerInvocation(READY)
    public Object readyAwait() {
        return one.blockOn(readyLoop, (long) READY);
    }

    /** The baseline: the same body as a sync function, called from a sync loop. */
    @Benchmark
    @OperationsPerInvocation(READY)
    public long plainCall() {
        return callBaseline();
    }

    private long callBaseline() {
        callLoop.invokeBits(callArgs, callResult);
        return callResult[0];
    }

    /**
     * The ready-await ratio, measured as a pair so that the load of a shared machine hits both
     * sides alike: each invocation times one {@code %ready_loop} and one {@code %call_loop} run back
     * to back (in alternating order) and adds the nanoseconds to these counters.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PairTimes {
        public long readyNs;
        public long plainNs;
        boolean plainFirst;

        @Setup(Level.Iteration)
        public void clear() {
            readyNs = 0;
            plainNs = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(2 * READY)
    public long readyVersusPlain(PairTimes t) {
        t.plainFirst = !t.plainFirst;
        long t0 = System.nanoTime();
        if (t.plainFirst) callBaseline();
        long t1 = System.nanoTime();
        one.blockOn(readyLoop, (long) READY);
        long t2 = System.nanoTime();
        if (!t.plainFirst) callBaseline();
        long t3 = System.nanoTime();
        t.readyNs += t2 - t1;
        t.plainNs += (t1 - t0) + (t3 - t2);
        return t3;
    }

    /** Yield round trip (suspend, requeue, resume), one task on 1 worker. */
    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public Object yield1() {
        return one.blockOn(yieldLoop, (long) YIELDS);
    }

    /** {@link #YIELD_TASKS} tasks yielding at once on 2 workers: wall time per yield of one task. */
    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public Object yield2() {
        return two.blockOn(yieldTasks, (long) YIELD_TASKS, (long) YIELDS);
    }

    /** Spawn + run + join per task, 1 worker. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnJoin1() {
        return one.blockOn(spawnLoop, (long) SPAWNS, (long) SPAWN_BATCH);
    }

    /** Spawn + run + join per task, 2 workers. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public Object spawnJoin2() {
        return two.blockOn(spawnLoop, (long) SPAWNS, (long) SPAWN_BATCH);
    }

    /** Channel ping-pong round trip between two tasks over rendezvous channels, 1 worker. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public Object pingPong1() {
        return one.blockOn(pingPong, (long) ROUND_TRIPS);
    }
}
