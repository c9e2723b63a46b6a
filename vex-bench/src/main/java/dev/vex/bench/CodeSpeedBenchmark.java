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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Code speed: each kernel of {@code kernels.clif} run natively by Vex ({@link #vex}, one
 * {@code invokeBits} per invocation) and as JVM bytecode translated from the same IR
 * ({@link #jvm}, {@link IrToBytecode}) after C2 warm-up, in microseconds per kernel call. The
 * setup checks both give the same answer.
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

    @Benchmark
    public long vex() {
        nativeKernel.invokeBits(args, result);
        return result[0];
    }

    @Benchmark
    public long jvm() throws Throwable {
        return (long) jvmKernel.invokeExact(a, b);
    }
}
