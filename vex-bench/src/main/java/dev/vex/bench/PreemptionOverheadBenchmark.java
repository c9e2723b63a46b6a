package dev.vex.bench;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Module;
import dev.vex.runtime.FutureDescriptor;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the preemption checks ({@link dev.vex.async.PreemptionChecks}) on the code-speed
 * kernels: each loop kernel of {@code kernels.clif} made an {@code async function} (the checks
 * go into async functions only) and compiled twice, with and without the checks; one task of
 * each per call on a 1-worker runtime, the two timed as a pair in alternating order, as
 * {@link CodeSpeedBenchmark} does. {@code fib} is left out: it has no loop, so nothing is
 * inserted into it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreemptionOverheadBenchmark {
    /** The kernels with loops, whose async forms get checks. */
    static final List<String> KERNELS = List.of("loop_sum", "sieve", "checksum", "mandel");

    @Param({"loop_sum", "sieve", "checksum", "mandel"})
    public String kernel;

    private VexRuntime runtime;
    private NativeModule withChecks;
    private NativeModule withoutChecks;
    private FutureDescriptor checked;
    private FutureDescriptor unchecked;
    private long[] args;

    /** {@code kernels.clif} with every function async (the kernels call nothing, except fib). */
    static String asyncKernels() {
        StringBuilder sb = new StringBuilder();
        for (String line : AsyncLoops.text(CodeSpeedBenchmark.RESOURCE).split("\n", -1)) {
            sb.append(line.startsWith("function %") && !line.startsWith("function %fib(") ? "async " + line : line)
                    .append('\n');
        }
        return sb.toString();
    }

    @Setup
    public void setup() {
        Module ir = ClifReader.readModule(asyncKernels(), "async-" + CodeSpeedBenchmark.RESOURCE);
        withChecks = Vex.compile(ir, Targets.host(), CompileOptions.DEFAULT.withPreemption(true));
        withoutChecks = Vex.compile(ir, Targets.host(), CompileOptions.DEFAULT.withPreemption(false));
        checked = withChecks.function(kernel).descriptor();
        unchecked = withoutChecks.function(kernel).descriptor();
        args = CodeSpeedBenchmark.arguments(kernel);
        runtime = VexRuntime.create(1);
        long a = run(checked);
        long b = run(unchecked);
        if (a != b) {
            throw new IllegalStateException("%" + kernel + Arrays.toString(args) + ": " + a + " with the checks, " + b
                    + " without");
        }
    }

    @TearDown
    public void tearDown() {
        runtime.close();
        withChecks.close();
        withoutChecks.close();
    }

    /** Nanoseconds with and without the checks, and the pairs timed. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long checkedNs;
        public long uncheckedNs;
        public long calls;
        boolean checkedFirst;

        @Setup(Level.Iteration)
        public void clear() {
            checkedNs = 0;
            uncheckedNs = 0;
            calls = 0;
        }
    }

    /** One task of each, back to back in alternating order, timed apart. */
    @Benchmark
    public long paired(Times t) {
        t.checkedFirst = !t.checkedFirst;
        long r = 0;
        long t0 = System.nanoTime();
        if (t.checkedFirst) r = run(checked);
        long t1 = System.nanoTime();
        r += run(unchecked);
        long t2 = System.nanoTime();
        if (!t.checkedFirst) r += run(checked);
        long t3 = System.nanoTime();
        t.uncheckedNs += t2 - t1;
        t.checkedNs += (t1 - t0) + (t3 - t2);
        t.calls++;
        return r;
    }

    private long run(FutureDescriptor kernelTask) {
        TaskResult r = runtime.blockOn(kernelTask, args);
        return r.values()[0];
    }
}
