package dev.vex.bench;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call from Java into a tiny compiled function, {@code %add(i64, i64) -> i64}, and back:
 * the cost of the binding, not of the code. {@code invokeLong} is the copy-free path (this
 * thread's native slots); {@code invokeBitsArrays} passes Java arrays through JNI, which copies
 * them in and out: what {@code invokeLong} cost before, measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JavaCallBenchmark {
    static final String SOURCE = """
            function %add(i64, i64) -> i64 {
            block0(v0: i64, v1: i64):
                v2 = iadd v0, v1
                return v2
            }
            """;

    private NativeModule module;
    private NativeFunction add;
    private long x = 1;
    private final long[] args = {1, 2};
    private final long[] out = new long[1];

    @Setup
    public void setup() {
        module = Vex.compile(ClifReader.readModule(SOURCE, "call.clif"));
        add = module.function("add");
        if (add.invokeLong(40, 2) != 42) {
            throw new IllegalStateException("%add is wrong");
        }
    }

    @TearDown
    public void close() {
        module.close();
    }

    /** The JNA path as a user calls it. */
    @Benchmark
    public long invokeLong() {
        long r = add.invokeLong(x, 3);
        x = r & 0xFFFF;
        return r;
    }

    /** The same call with JNI-copied arrays (the former {@code invokeLong} path, minus its allocations). */
    @Benchmark
    public long invokeBitsArrays() {
        args[0] = x;
        add.invokeBits(args, out);
        x = out[0] & 0xFFFF;
        return out[0];
    }
}
