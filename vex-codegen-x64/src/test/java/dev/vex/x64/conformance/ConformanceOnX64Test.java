package dev.vex.x64.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.RunLine;
import dev.vex.verify.Verifier;
import dev.vex.verify.VerifierError;
import dev.vex.x64.X64Target;
import dev.vex.backend.CompileOptions;
import dev.vex.x64.harness.Differential;
import dev.vex.x64.harness.NativeHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every run line of the shared Cranelift conformance suite, compiled for x86-64 and run
 * natively, against the interpreter's outcome for the same call: bit for bit with NaN
 * canonicalization, any NaN for a NaN without it.
 */
class ConformanceOnX64Test {
    @Test
    void conformanceSuiteMatchesTheInterpreterWithHostFeatures() throws IOException {
        run(CompileOptions.DEFAULT, "host");
    }

    @Test
    void conformanceSuiteMatchesTheInterpreterBitForBitWithNanCanonicalization() throws IOException {
        run(CompileOptions.DEFAULT.withNanCanonicalization(true), "host, NaN canonicalization");
    }

    /** Without SSE4.1, POPCNT, LZCNT, BMI1 and FMA: every fallback sequence. */
    @Test
    void conformanceSuiteMatchesTheInterpreterWithoutOptionalFeatures() throws IOException {
        run(CompileOptions.AOT, "baseline");
    }

    @Test
    void conformanceSuiteMatchesTheInterpreterBitForBitWithoutOptionalFeatures() throws IOException {
        run(CompileOptions.AOT.withNanCanonicalization(true), "baseline, NaN canonicalization");
    }

    private void run(CompileOptions target, String label) throws IOException {
        assumeTrue(NativeHarness.available(), "NOT RUN: gcc is needed to run native code");
        String shared = System.getProperty("vex.shared");
        Path root = Path.of(shared, "conformance", "clif");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".clif")).sorted().toList();
        }
        int total = 0;
        int same = 0;
        int x64Total = 0;
        int x64Same = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            ClifTestFile tf = ClifReader.readTestFile(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            Set<String> bad = new HashSet<>();
            for (VerifierError e : Verifier.verify(tf.module())) {
                bad.add(e.function().startsWith("%") ? e.function().substring(1) : e.function());
            }
            // Functions using a feature x64 does not compile yet (and their callers) are not run:
            // the engines report them as skipped; here they are left out of the comparison.
            boolean grew = true;
            for (FunctionEntry entry : tf.functions()) {
                if (entry.function() != null && dev.vex.compile.FeatureCheck.reason(entry.function(), new X64Target()) != null) {
                    bad.add(entry.name());
                }
            }
            while (grew) {
                grew = false;
                for (FunctionEntry entry : tf.functions()) {
                    if (entry.function() != null && !bad.contains(entry.name())
                            && entry.function().funcRefs().stream().anyMatch(r -> bad.contains(r.name()))) {
                        bad.add(entry.name());
                        grew = true;
                    }
                }
            }
            ModuleBuilder mb = new ModuleBuilder();
            List<String> fns = new ArrayList<>();
            List<long[]> args = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (FunctionEntry entry : tf.functions()) {
                if (entry.error() != null || !entry.expectedErrors().isEmpty() || bad.contains(entry.name())
                        || entry.function() == null) {
                    continue;
                }
                mb.add(entry.function());
                for (RunLine run : entry.runs()) {
                    if (run.isValid()) {
                        fns.add(entry.function().name());
                        args.add(run.args().stream().mapToLong(Long::longValue).toArray());
                        texts.add(run.location() + ": " + run.text().trim());
                    }
                }
            }
            if (fns.isEmpty()) {
                continue;
            }
            // The real runner runs a file on x86-64 only if it names no target or names x86_64.
            boolean forX64 = tf.targets().isEmpty() || tf.targets().stream().anyMatch(t -> t.isa().equals("x86_64"));
            total += fns.size();
            x64Total += forX64 ? fns.size() : 0;
            Module module = mb.build();
            List<Differential.Result> results;
            try {
                results = Differential.run(target, module, fns, args);
            } catch (RuntimeException e) {
                failures.add(file.getFileName() + ": cannot compile (" + fns.size() + " run lines): " + e);
                continue;
            }
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).same()) {
                    same++;
                    x64Same += forX64 ? 1 : 0;
                } else {
                    failures.add(texts.get(i) + " -> " + results.get(i));
                }
            }
        }
        Path report = Path.of("target", "x64-conformance-" + label + ".txt");
        Files.createDirectories(report.getParent());
        String summary = same + " of " + total + " run lines identical to the interpreter (files targeting x86_64: "
                + x64Same + " of " + x64Total + ")";
        Files.write(report, (summary + "\n" + String.join("\n", failures) + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.println("x64 conformance (" + label + ", " + target.cpu() + "): " + summary + " (" + failures.size() + " failures, see " + report + ")");
        assertTrue(same * 100L >= 99L * total, summary + "; first failures:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }
}
