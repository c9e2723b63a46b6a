package dev.vex.bench;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.LinearScan;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64CpuFeatures;
import dev.vex.x64.X64Target;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.emit.FunctionEmitter;
import dev.vex.x64.isel.InstructionSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Compile throughput in IR instructions per second, warm, per stage and end to end, on the
 * conformance suite's functions or on a few large generated ones ({@link CompileWorkload}). The figure to read is the
 * {@code instructions} counter (an {@link AuxCounters} throughput): each invocation runs a stage
 * over the whole workload and adds its IR instruction count.
 *
 * <p>Stages: {@code read} (CLIF text to IR), {@code verify}, {@code isel} (IR to machine
 * instructions with virtual registers), {@code regalloc} (linear scan), {@code emit} (encoding
 * with the allocation); {@code backend} is isel + regalloc + emit as the core compile driver runs them for {@link X64Target},
 * and {@code endToEnd} is text to machine code: read, verify and compile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileThroughputBenchmark {
    /** The figure: IR instructions processed, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counter {
        public long instructions;

        @Setup(Level.Iteration)
        public void clear() {
            instructions = 0;
        }
    }

    /** Which IR: the conformance suite's many tiny functions, or a few large generated ones. */
    @Param({"conformance", "large"})
    public String workload;

    private CompileWorkload work;
    private final X64Target target = new X64Target();
    private final CpuFeatures features = X64CpuFeatures.toAssembler(target.hostCpuFeatures());
    private final List<MachFunction> selected = new ArrayList<>();
    private final List<Allocation> allocated = new ArrayList<>();

    @Setup
    public void setup() {
        work = new CompileWorkload(workload);
        for (Module m : work.modules) {
            InstructionSelector isel = new InstructionSelector(m, features);
            for (Function f : m.functions()) {
                MachFunction mf = isel.select(f);
                selected.add(mf);
                allocated.add(LinearScan.allocate(mf, X64MachineSpec.INSTANCE));
            }
        }
    }

    @Benchmark
    public void read(Counter c, Blackhole bh) {
        for (int i = 0; i < work.texts.size(); i++) {
            bh.consume(ClifReader.readModule(work.texts.get(i), work.names.get(i)));
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void verify(Counter c, Blackhole bh) {
        for (Module m : work.modules) {
            bh.consume(Verifier.verify(m));
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void isel(Counter c, Blackhole bh) {
        for (Module m : work.modules) {
            InstructionSelector isel = new InstructionSelector(m, features);
            for (Function f : m.functions()) {
                bh.consume(isel.select(f));
            }
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void regalloc(Counter c, Blackhole bh) {
        LinearScan allocator = new LinearScan(X64MachineSpec.INSTANCE); // as the compile driver: one per module
        for (MachFunction mf : selected) {
            bh.consume(allocator.allocate(mf));
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void emit(Counter c, Blackhole bh) {
        int next = 0;
        for (Module m : work.modules) {
            CodeBuffer buf = new CodeBuffer(4096);
            X64Assembler asm = new X64Assembler(buf, features);
            Map<String, Label> labels = new HashMap<>();
            for (Function f : m.functions()) {
                labels.put(f.name(), asm.newLabel());
            }
            FunctionEmitter emitter = new FunctionEmitter(asm, buf, labels);
            for (Function f : m.functions()) {
                emitter.emit(allocated.get(next++), labels.get(f.name()), null);
            }
            bh.consume(buf.position());
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void backend(Counter c, Blackhole bh) {
        for (Module m : work.modules) {
            bh.consume(target.compile(m, CompileOptions.DEFAULT));
        }
        c.instructions += work.instructions;
    }

    @Benchmark
    public void endToEnd(Counter c, Blackhole bh) {
        for (int i = 0; i < work.texts.size(); i++) {
            Module m = ClifReader.readModule(work.texts.get(i), work.names.get(i));
            Verifier.check(m);
            bh.consume(target.compile(m, CompileOptions.DEFAULT));
        }
        c.instructions += work.instructions;
    }
}
