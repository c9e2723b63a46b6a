package dev.vex.bench;

import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.jit.CallBinding;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The call of {@link JavaCallBenchmark} through {@link NativeFunction#handle()}, held in a
 * {@code static final} field as a language implementation holds it, and beside it a raw FFM
 * downcall of the same code (its C entry, no trap handling, no module check): what the binding
 * adds. Runs on JDK 22 or later ({@link BenchMain} forks it on Temurin 25), where the handle is
 * an FFM downcall; with {@code -Dvex.calls=jni} the same handle goes through the JNI method.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FfmCallBenchmark {
    /** Compiled once per fork and never closed: the fork ends with the run. */
    private static final NativeModule MODULE = Vex.compile(ClifReader.readModule(JavaCallBenchmark.SOURCE, "call.clif"));
    private static final NativeFunction ADD = MODULE.function("add");
    private static final MethodHandle HANDLE = ADD.handle();
    /** Null before JDK 22 (no typed downcalls) or under {@code -Dvex.calls=jni}. */
    private static final MethodHandle RAW = CallBinding.invoker().unguardedDowncall(ADD.address(),
            MethodType.methodType(long.class, long.class, long.class));

    private long x = 1;

    /** {@code NativeFunction.handle().invokeExact}: the guarded path (slots, module check, trap exit). */
    @Benchmark
    public long handle() throws Throwable {
        long r = (long) HANDLE.invokeExact(x, 3L);
        x = r & 0xFFFF;
        return r;
    }

    /** The raw downcall of the same code, the floor. */
    @Benchmark
    public long raw() throws Throwable {
        if (RAW == null) {
            throw new IllegalStateException("no typed downcalls with the " + CallBinding.invoker().binding()
                    + " binding: run on JDK 22+ without -Dvex.calls=jni");
        }
        long r = (long) RAW.invokeExact(x, 3L);
        x = r & 0xFFFF;
        return r;
    }

    /** {@code invokeLong}, which takes the same binding. */
    @Benchmark
    public long invokeLong() {
        long r = ADD.invokeLong(x, 3);
        x = r & 0xFFFF;
        return r;
    }
}
