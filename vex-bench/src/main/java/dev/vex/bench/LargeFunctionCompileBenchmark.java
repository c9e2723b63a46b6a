package dev.vex.bench;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compile throughput end to end (CLIF text to x64 machine code: read, verify, compile) on
 * {@link LargeFunctions}: 20 functions of about 500 IR instructions each. JMH's score is IR
 * instructions per second ({@link OperationsPerInvocation} = the workload's instruction count).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LargeFunctionCompileBenchmark {
    static final int FUNCTIONS = 20;
    static final int BODY = 500;
    /** Per function: the body, 1 iconst, 1 jump, 3 loop-control instructions, 1 return. */
    static final int INSTRUCTIONS = FUNCTIONS * (BODY + 6);

    private final X64Target target = new X64Target();
    private String text;

    @Setup
    public void setup() {
        text = LargeFunctions.module(FUNCTIONS, BODY);
        Module m = ClifReader.readModule(text, "large.clif");
        int count = 0;
        for (Function f : m.functions()) count += f.instructionCount();
        if (count != INSTRUCTIONS) throw new IllegalStateException("workload has " + count + " instructions, expected " + INSTRUCTIONS);
    }

    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public Object endToEnd() {
        Module m = ClifReader.readModule(text, "large.clif");
        Verifier.check(m);
        return target.compile(m, CompileOptions.DEFAULT);
    }
}
