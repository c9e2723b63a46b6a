package dev.vex.bench;

import dev.vex.ir.Module;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.text.ClifReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
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
 * Code speed: each kernel of {@code kernels.clif} run natively by Vex (one {@code invokeBits}
 * per call, the loop inside) and as JVM bytecode translated from the same IR
 * ({@link IrToBytecode}) after C2 warm-up, timed as a pair ({@link #paired}); and, where gcc is
 * installed, the same kernel in C built with gcc -O2 ({@link GccKernels}), timed after each pair
 * as the floor. The setup checks all give the same answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodeSpeedBenchmark {
    static final String RESOURCE = "kernels.clif";

    @Param({"loop_sum", "fib", "sieve", "checksum", "mandel"})
    public String kernel;

    private NativeModule module;
    private NativeFunction nativeKernel;
    private long[] args;
    private final long[] result = new long[1];
    private MethodHandle jvmKernel;
    private com.sun.jna.Function gccKernel;
    private Object[] gccArgs;
    private long a;
    private long b;

    /** The arguments each kernel is timed with: a few milliseconds of work or less. */
    static long[] arguments(String kernel) {
        return switch (kernel) {
            case "loop_sum" -> new long[] {10_000_000};
            case "fib" -> new long[] {27};
            case "sieve" -> new long[] {65_536};
            case "checksum" -> new long[] {65_536, 4};
            case "mandel" -> new long[] {120};
            default -> throw new IllegalArgumentException("no kernel " + kernel);
        };
    }

    @Setup
    public void setup() throws Throwable {
        Module ir = ClifReader.readModule(AsyncLoops.text(RESOURCE), RESOURCE);
        module = Vex.compile(ir);
        nativeKernel = module.function(kernel);
        args = arguments(kernel);
        a = args[0];
        b = args.length > 1 ? args[1] : 0;
        jvmKernel = jvmKernel(ir, kernel, args.length);
        long nativeAnswer = vex();
        long jvmAnswer = jvm();
        if (nativeAnswer != jvmAnswer) {
            throw new IllegalStateException("%" + kernel + Arrays.toString(args) + ": Vex gives " + nativeAnswer
                    + ", the JVM translation " + jvmAnswer);
        }
        GccKernels gcc = GccKernels.build();
        if (gcc != null) {
            gccKernel = gcc.function(kernel);
            gccArgs = args.length == 1 ? new Object[] {a} : new Object[] {a, b};
            long gccAnswer = gcc();
            if (gccAnswer != nativeAnswer) {
                throw new IllegalStateException("%" + kernel + Arrays.toString(args) + ": Vex gives " + nativeAnswer
                        + ", gcc -O2's C " + gccAnswer);
            }
        }
    }

    /** The kernel's static method in a class translated from the IR, as (long, long) -> long. */
    static MethodHandle jvmKernel(Module ir, String kernel, int arity) throws ReflectiveOperationException {
        byte[] classFile = IrToBytecode.translate(ir, "dev/vex/bench/generated/Kernels");
        Class<?> c = new ClassLoader(CodeSpeedBenchmark.class.getClassLoader()) {
            Class<?> define() {
                return defineClass("dev.vex.bench.generated.Kernels", classFile, 0, classFile.length);
            }
        }.define();
        MethodType type = arity == 1 ? MethodType.methodType(long.class, long.class)
                : MethodType.methodType(long.class, long.class, long.class);
        MethodHandle h = MethodHandles.lookup().findStatic(c, kernel, type);
        return arity == 1 ? MethodHandles.dropArguments(h, 1, long.class) : h;
    }

    @TearDown
    public void tearDown() {
        module.close();
    }

    /** Nanoseconds spent in each side, and the calls of each; see {@link #paired}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long vexNs;
        public long jvmNs;
        /** gcc -O2's C, timed after each pair; 0 where gcc is not installed. */
        public long gccNs;
        public long calls;
        boolean jvmFirst;

        @Setup(Level.Iteration)
        public void clear() {
            vexNs = 0;
            jvmNs = 0;
            gccNs = 0;
            calls = 0;
        }
    }

    /**
     * One call of each side, back to back in alternating order, timed apart: a shared machine's
     * load then weighs on both sides alike, which two separate benchmarks cannot promise.
     */
    @Benchmark
    public long paired(Times t) throws Throwable {
        t.jvmFirst = !t.jvmFirst;
        long r = 0;
        long t0 = System.nanoTime();
        if (t.jvmFirst) r = jvm();
        long t1 = System.nanoTime();
        r += vex();
        long t2 = System.nanoTime();
        if (!t.jvmFirst) r += jvm();
        long t3 = System.nanoTime();
        t.vexNs += t2 - t1;
        t.jvmNs += (t1 - t0) + (t3 - t2);
        if (gccKernel != null) {
            r += gcc();
            t.gccNs += System.nanoTime() - t3;
        }
        t.calls++;
        return r;
    }

    long vex() {
        nativeKernel.invokeBits(args, result);
        return result[0];
    }

    long gcc() {
        return gccKernel.invokeLong(gccArgs);
    }

    long jvm() throws Throwable {
        return (long) jvmKernel.invokeExact(a, b);
    }
}
