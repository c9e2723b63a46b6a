package dev.vex.bench;

import dev.vex.backend.CompileOptions;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.text.ClifPrinter;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The IR that the compile-throughput benchmarks compile, kept as modules and as their printed
 * text (the IR alone, without run lines). {@code "conformance"}: every function of the CLIF
 * conformance suite that reads, verifies and compiles on x64 (several hundred small functions, one
 * module per file); the suite is found at {@code -Dvex.conformance}, or at
 * {@code ../shared/conformance/clif} from the working directory. {@code "large"}: one module of a
 * few generated functions of about 3,000 instructions each ({@link LargeFunctionGenerator}).
 */
final class CompileWorkload {
    final List<String> texts = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<Module> modules = new ArrayList<>();
    final int instructions;

    CompileWorkload(String which) {
        switch (which) {
            case "conformance" -> instructions = readConformance();
            case "large" -> instructions = generateLarge();
            default -> throw new IllegalArgumentException("workload " + which + ": conformance or large");
        }
    }

    private int generateLarge() {
        String name = "large.clif";
        Module m = ClifReader.readModule(LargeFunctionGenerator.module(0x5eed, 4, 20, 150), name);
        Verifier.check(m);
        new X64Target().compile(m, CompileOptions.DEFAULT);
        texts.add(ClifPrinter.print(m));
        names.add(name);
        modules.add(m);
        int count = 0;
        for (Function f : m.functions()) {
            count += f.instructionCount();
        }
        return count;
    }

    private int readConformance() {
        Path dir = Path.of(System.getProperty("vex.conformance", "../shared/conformance/clif"));
        X64Target target = new X64Target();
        int count = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".clif")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                ClifTestFile tf = ClifReader.readTestFile(text, p.toString());
                ModuleBuilder mb = new ModuleBuilder();
                int fns = 0;
                for (FunctionEntry e : tf.functions()) {
                    if (e.function() != null && e.expectedErrors().isEmpty() && !e.function().isAsync()
                            && Verifier.verify(e.function()).isEmpty()) {
                        mb.add(e.function());
                        fns++;
                    }
                }
                if (fns == 0) {
                    continue;
                }
                Module m = mb.build();
                try {
                    target.compile(m, CompileOptions.DEFAULT);
                } catch (RuntimeException notForX64) {
                    continue;
                }
                texts.add(ClifPrinter.print(m)); // the IR alone: no run lines or comments to read

                names.add(p.toString());
                modules.add(m);
                for (Function f : m.functions()) {
                    count += f.instructionCount();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (modules.isEmpty()) {
            throw new IllegalStateException("no conformance files at " + dir.toAbsolutePath()
                    + "; set -Dvex.conformance=<shared>/conformance/clif");
        }
        return count;
    }
}
