package dev.vex.x64.perf;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rough compile-throughput figure (not a test; speed belongs in JMH): compiles every module
 * of the conformance suite repeatedly and reports IR instructions and functions per second.
 * Run with {@code java -cp ... dev.vex.x64.perf.CompileThroughput <shared>/conformance/clif}.
 */
public final class CompileThroughput {
    private CompileThroughput() {}

    public static void main(String[] args) throws Exception {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".clif")).sorted().toList()) {
                ClifTestFile tf = ClifReader.readTestFile(Files.readString(p, StandardCharsets.UTF_8), p.toString());
                ModuleBuilder mb = new ModuleBuilder();
                boolean any = false;
                for (FunctionEntry e : tf.functions()) {
                    if (e.error() == null && e.function() != null && e.expectedErrors().isEmpty()
                            && Verifier.verify(e.function()).isEmpty()) {
                        mb.add(e.function());
                        any = true;
                    }
                }
                if (any) {
                    Module m = mb.build();
                    try {
                        new X64Target().compile(m, CompileOptions.DEFAULT);
                        modules.add(m);
                    } catch (RuntimeException e) {
                        // not compilable on x64 (big-endian, ...): left out of the measurement
                    }
                }
            }
        }
        long insts = 0;
        long fns = 0;
        for (Module m : modules) {
            for (Function f : m.functions()) {
                fns++;
                insts += f.instructionCount();
            }
        }
        X64Target target = new X64Target();
        long bytes = 0;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            bytes = 0;
            for (Module m : modules) {
                bytes += target.compile(m, CompileOptions.DEFAULT).code().length;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %2d: %d functions, %d IR instructions, %d bytes in %.3f s: %.0f functions/s, "
                    + "%.2f M IR instructions/s%n", round, fns, insts, bytes, s, fns / s, insts / s / 1e6);
        }
    }
}
