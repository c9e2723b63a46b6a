package dev.vex.filetest;

import dev.vex.diag.VexException;
import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.ir.Type;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.ErrorDirective;
import dev.vex.text.FunctionEntry;
import dev.vex.text.ParseException;
import dev.vex.text.RunLine;
import dev.vex.text.TargetHeader;
import dev.vex.verify.Verifier;
import dev.vex.verify.VerifierError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs CLIF test files on engines and tallies the checks in a {@link TestReport}.
 *
 * <p>Per file: read it; verify the module of the functions that read; check each function's
 * {@code ; error:} directives against its read and verify errors; then load the functions that
 * verified on each engine (once per file), announce every {@code ; run:} line to it
 * ({@link LoadedModule#expect}), and run them; the lines of a function the engine declined to
 * compile ({@link LoadedModule#declined}) are skipped.
 */
public final class FileTestRunner {
    private final List<Engine> engines;
    private final TestReport report;

    public FileTestRunner(List<Engine> engines, TestReport report) {
        this.engines = List.copyOf(engines);
        this.report = report;
    }

    /** Runs every {@code .clif} file at or below each path, in a stable order. */
    public void runPaths(List<Path> paths) {
        for (Path path : paths) {
            for (Path file : clifFiles(path)) {
                runFile(file);
            }
        }
    }

    static List<Path> clifFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".clif")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void runFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            report.malformed(file.toString(), "cannot read: " + e.getMessage());
            return;
        }
        runText(text, file.toString());
    }

    public void runText(String text, String fileName) {
        ClifTestFile tf = ClifReader.readTestFile(text, fileName);
        for (ParseException e : tf.fileErrors()) {
            report.malformed(e.location().toString(), e.detail());
        }
        Map<String, List<String>> verifyErrors = verifyErrorsByFunction(tf.module());
        ModuleBuilder runnable = new ModuleBuilder();
        List<FunctionEntry> toRun = new ArrayList<>();
        for (FunctionEntry entry : tf.functions()) {
            if (checkFunction(entry, verifyErrors.getOrDefault(entry.name(), List.of()))) {
                runnable.add(entry.function());
                toRun.add(entry);
            }
        }
        if (toRun.stream().allMatch(e -> e.runs().isEmpty())) {
            return;
        }
        Module module = runnable.build();
        List<String> isas = tf.targets().stream().map(TargetHeader::isa).distinct().toList();
        for (Engine engine : engines) {
            runOnEngine(engine, module, isas, tf.tests(), toRun, fileName);
        }
    }

    private static Map<String, List<String>> verifyErrorsByFunction(Module module) {
        Map<String, List<String>> byFunction = new HashMap<>();
        for (VerifierError error : Verifier.verify(module)) {
            String name = error.function().startsWith("%") ? error.function().substring(1) : error.function();
            byFunction.computeIfAbsent(name, k -> new ArrayList<>()).add(error.toString());
        }
        return byFunction;
    }

    /**
     * Checks a function's error directives, or reports why it cannot run. Returns whether it
     * read and verified, so that its run lines can run.
     */
    private boolean checkFunction(FunctionEntry entry, List<String> verifyErrors) {
        List<String> errors = new ArrayList<>(verifyErrors);
        if (entry.error() != null) {
            errors.add(0, entry.error().getMessage());
        }
        if (!entry.expectedErrors().isEmpty()) {
            for (ErrorDirective directive : entry.expectedErrors()) {
                String where = directive.location().toString();
                if (errors.stream().anyMatch(m -> m.contains(directive.text()))) {
                    report.pass(where, "error: " + directive.text());
                } else if (errors.isEmpty()) {
                    report.fail(where, "expected an error containing '" + directive.text() + "', but %"
                            + entry.name() + " reads and verifies");
                } else {
                    report.fail(where, "expected an error containing '" + directive.text() + "', got: "
                            + String.join(" | ", errors));
                }
            }
            return false;
        }
        int checks = Math.max(1, entry.runs().size());
        if (entry.isUnsupported()) {
            report.skip(checks, entry.location().toString(), "%" + entry.name() + " uses "
                    + ((dev.vex.text.UnsupportedFeatureException) entry.error()).feature());
            return false;
        }
        if (entry.error() != null) {
            report.malformed(entry.error().location().toString(), entry.error().detail());
            return false;
        }
        if (!errors.isEmpty()) {
            for (String error : errors) {
                report.malformed(entry.location().toString(), error);
            }
            return false;
        }
        return true;
    }

    private void runOnEngine(Engine engine, Module module, List<String> isas, List<String> tests,
            List<FunctionEntry> entries, String fileName) {
        String prefix = engines.size() > 1 ? "[" + engine.name() + "] " : "";
        String skip = engine.skipReason(isas, tests);
        int runLines = entries.stream().mapToInt(e -> e.runs().size()).sum();
        if (skip != null) {
            report.skip(runLines, fileName, prefix + skip);
            return;
        }
        Map<String, String> skipped = skippedFunctions(engine, module);
        if (!skipped.isEmpty()) {
            ModuleBuilder kept = new ModuleBuilder();
            module.functions().stream().filter(f -> !skipped.containsKey(f.name())).forEach(kept::add);
            module = kept.build();
            List<FunctionEntry> runnable = new ArrayList<>();
            for (FunctionEntry e : entries) {
                String why = skipped.get(e.name());
                if (why == null) {
                    runnable.add(e);
                } else if (!e.runs().isEmpty()) {
                    report.skip(e.runs().size(), e.location().toString(), prefix + "%" + e.name() + ": " + why);
                }
            }
            entries = runnable;
            runLines = entries.stream().mapToInt(e -> e.runs().size()).sum();
            if (runLines == 0) {
                return;
            }
        }
        LoadedModule loaded;
        try {
            loaded = engine.load(module);
        } catch (VexException e) {
            for (int i = 0; i < runLines; i++) {
                report.fail(fileName, prefix + "cannot load the module: " + e.getMessage());
            }
            return;
        }
        try (loaded) {
            for (FunctionEntry entry : entries) {
                for (RunLine run : entry.runs()) {
                    if (run.isValid()) {
                        loaded.expect(entry.function().name(), run.args().stream().mapToLong(Long::longValue).toArray());
                    }
                }
            }
            for (FunctionEntry entry : entries) {
                for (RunLine run : entry.runs()) {
                    runLine(loaded, entry.function(), run, prefix, !engine.canonicalNaNs());
                }
            }
        }
    }

    /**
     * The functions {@code engine} does not run, each with the reason: its own
     * {@link Engine#skipReason(Function)}, or a call (or address taken) of such a function.
     */
    private static Map<String, String> skippedFunctions(Engine engine, Module module) {
        Map<String, String> skipped = new HashMap<>();
        for (Function f : module.functions()) {
            String why = engine.skipReason(f);
            if (why != null) {
                skipped.put(f.name(), why);
            }
        }
        boolean changed = !skipped.isEmpty();
        while (changed) {
            changed = false;
            for (Function f : module.functions()) {
                if (skipped.containsKey(f.name())) {
                    continue;
                }
                for (dev.vex.ir.FuncRef ref : f.funcRefs()) {
                    if (skipped.containsKey(ref.name())) {
                        skipped.put(f.name(), "calls %" + ref.name() + ", which " + engine.name() + " does not run: "
                                + skipped.get(ref.name()));
                        changed = true;
                        break;
                    }
                }
            }
        }
        return skipped;
    }

    /**
     * Runs one line on the function it follows (as Cranelift does, whatever name the line
     * writes); a differing name gets a note, and every message names the function that ran.
     */
    private void runLine(LoadedModule loaded, Function fn, RunLine run, String prefix, boolean anyNaN) {
        String where = run.location().toString();
        if (!run.isValid()) {
            report.malformed(where, prefix + run.error().detail());
            return;
        }
        boolean renamed = !fn.name().equals(run.functionName());
        if (renamed) {
            report.note(where, prefix + "the line names %" + run.functionName() + " but follows %" + fn.name()
                    + ", so it runs %" + fn.name());
        }
        String what = prefix + run.text().trim() + (renamed ? " (ran %" + fn.name() + ")" : "");
        List<Type> returns = fn.signature().returns().stream().map(p -> p.type()).toList();
        long[] args = run.args().stream().mapToLong(Long::longValue).toArray();
        String declined = loaded.declined(fn.name());
        if (declined != null) {
            report.skip(1, where, what + ": not compiled: " + declined);
            return;
        }
        Outcome outcome;
        try {
            outcome = loaded.invoke(fn.name(), args);
        } catch (VexException e) {
            report.fail(where, what + ": cannot run %" + fn.name() + ": " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            // A bug in an engine: said at the line that found it, and the file goes on.
            report.fail(where, what + ": internal error running %" + fn.name() + ": " + e);
            return;
        }
        String verdict = RunLineCheck.judge(run, returns, outcome, anyNaN);
        if (verdict == null) {
            report.pass(where, what);
        } else {
            report.fail(where, what + ": " + verdict);
        }
    }
}
