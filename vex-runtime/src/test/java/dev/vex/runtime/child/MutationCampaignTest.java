package dev.vex.runtime.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation campaign: mutants of the conformance and async files, and hand-made extreme IR
 * ({@link ExtremeIr}), through {@code vex test} (interpreter and x64, many files per child JVM),
 * {@code vex run} and {@code vex compile}, each child JVM with a bounded heap and a time limit.
 * It fails on any crash (an exit code other than 0, 1 or 2, a signal, an {@code hs_err} file),
 * any hang (the time limit), and any leaked Java stack trace ({@code \tat } lines or
 * {@code Exception in thread}). A failing batch is rerun file by file to name the culprit, which
 * is kept under {@code target/mutation-campaign/}.
 *
 * <p>{@code -Dvex.campaign.count=N} sets the number of runs (a file through one command is a
 * run; default 300), {@code -Dvex.campaign.seed} the seed, {@code -Dvex.campaign.scale} the block
 * and chain counts of the extreme files (default 5,000).
 *
 * <p>Files whose interpreter run does not end (step limit, deadlock) are not run natively:
 * native code has no step limit, and such a run would only measure the time limit. Extreme
 * files that still crash the C runtime (its scope, not the compiler's: see
 * {@link ExtremeIr#KNOWN_RUNTIME_CRASH}) run natively only with
 * {@code -Dvex.campaign.knownRuntimeCrashes=true}.
 */
class MutationCampaignTest {
    private static final int BATCH = 40;

    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();
    private int runs;
    private int crashes;
    private int hangs;
    private int traces;
    private ChildJvm jvm;

    @Test
    void mutantsAndExtremeIrNeitherCrashNorHangNorLeakAStackTrace() throws Exception {
        int count = Integer.getInteger("vex.campaign.count", 300);
        long seed = Long.getLong("vex.campaign.seed", 1);
        int scale = Integer.getInteger("vex.campaign.scale", 5_000);
        long start = System.nanoTime();
        Path errors = Files.createDirectories(dir.resolve("errors"));
        jvm = new ChildJvm(errors, "768m").option("-XX:TieredStopAtLevel=1").option("-XX:+UseSerialGC");

        Map<Path, String> files = writeInputs(count, seed, scale);
        List<Path> all = new ArrayList<>(files.keySet());
        Set<Path> endless = new HashSet<>();
        runTests("interp", all, endless, files);
        boolean runKnown = Boolean.getBoolean("vex.campaign.knownRuntimeCrashes");
        List<Path> native_ = all.stream().filter(f -> !endless.contains(f))
                .filter(f -> runKnown || !files.get(f).contains(ExtremeIr.KNOWN_RUNTIME_CRASH)).toList();
        runTests("x64", native_, null, files);
        Random pick = new Random(seed);
        int singles = Math.max(1, count / 20);
        for (Path f : sample(native_, singles, pick, files)) {
            check("run", List.of("run", f.toString()), List.of(f), 120, files);
        }
        for (Path f : sample(all, singles, pick, files)) {
            check("compile", List.of("compile", "-o", dir.resolve("out.o").toString(), f.toString()), List.of(f), 120,
                    files);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("mutation campaign: %d runs (%d files, %d of them extreme IR; %d not run natively as their"
                + " interpreter run does not end, %d as known runtime crashes; seed %d, scale %d), %d crashes, %d hangs,"
                + " %d leaked stack traces, %.0f s%n", runs, files.size(), ExtremeIr.files(1).size(), endless.size(),
                all.size() - endless.size() - native_.size(), seed, scale, crashes, hangs, traces, seconds);
        problems.forEach(System.out::println);
        assertEquals(List.of(), problems);
        assertTrue(runs >= count * 9 / 10, "runs: " + runs);
    }

    /** Mutants of the conformance files, then the extreme ones; the value says what each is. */
    private Map<Path, String> writeInputs(int count, long seed, int scale) throws IOException {
        Path shared = Path.of(System.getProperty("vex.shared"), "conformance");
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(shared)) {
            sources = walk.filter(p -> p.toString().endsWith(".clif")).sorted().toList();
        }
        Map<String, String> extreme = ExtremeIr.files(scale);
        // Each file goes through vex test twice (interpreter, x64); 1 in 20 also through run and compile.
        int mutants = Math.max(1, count * 10 / 22 - extreme.size());
        Map<Path, String> files = new LinkedHashMap<>();
        ClifMutator mutator = new ClifMutator(seed);
        Random random = new Random(seed);
        for (int i = 0; i < mutants; i++) {
            Path source = sources.get(random.nextInt(sources.size()));
            List<String> applied = new ArrayList<>();
            String text = mutator.mutate(Files.readString(source, StandardCharsets.UTF_8), applied);
            Path f = dir.resolve("m" + i + ".clif");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            files.put(f, "mutant of " + shared.relativize(source) + " (" + String.join(", ", applied) + ")");
        }
        for (Map.Entry<String, String> e : extreme.entrySet()) {
            Path f = dir.resolve("x-" + e.getKey() + ".clif");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            files.put(f, "extreme IR: " + e.getKey() + (ExtremeIr.KNOWN_RUNTIME_CRASHES.contains(e.getKey())
                    ? " (" + ExtremeIr.KNOWN_RUNTIME_CRASH + ")" : ""));
        }
        return files;
    }

    /** The extreme files always, then random others, up to {@code n} in all. */
    private static List<Path> sample(List<Path> from, int n, Random random, Map<Path, String> files) {
        List<Path> out = new ArrayList<>(from.stream().filter(f -> files.get(f).startsWith("extreme")).toList());
        List<Path> rest = new ArrayList<>(from.stream().filter(f -> !files.get(f).startsWith("extreme")).toList());
        java.util.Collections.shuffle(rest, random);
        out.addAll(rest.subList(0, Math.min(rest.size(), Math.max(0, n - out.size()))));
        return out;
    }

    /** {@code vex test} on batches of files; with {@code endless} given, notes the files whose runs do not end. */
    private void runTests(String target, List<Path> files, Set<Path> endless, Map<Path, String> what) throws Exception {
        // Mutants in batches; each extreme file alone, as some take a while at a large scale.
        List<List<Path>> batches = new ArrayList<>();
        List<Path> mutants = files.stream().filter(f -> !what.get(f).startsWith("extreme")).toList();
        for (int i = 0; i < mutants.size(); i += BATCH) {
            batches.add(mutants.subList(i, Math.min(mutants.size(), i + BATCH)));
        }
        files.stream().filter(f -> what.get(f).startsWith("extreme")).forEach(f -> batches.add(List.of(f)));
        for (List<Path> batch : batches) {
            List<String> args = new ArrayList<>(List.of("test", "--target", target));
            batch.forEach(f -> args.add(f.toString()));
            String out = check("test --target " + target, args, batch, 300, what);
            if (endless != null && out != null) {
                for (String line : out.lines().toList()) {
                    if (line.contains("step limit") || line.contains("deadlock") || line.contains("never")) {
                        batch.stream().filter(f -> line.startsWith(f.toString() + ":")).forEach(endless::add);
                    }
                }
            }
        }
    }

    /**
     * Runs one child; counts a run per file. If it crashed, hung or leaked a trace, reruns a batch
     * file by file to find the culprits. Returns the output of a clean child, else null.
     */
    private String check(String what, List<String> args, List<Path> inputs, long timeout, Map<Path, String> files)
            throws Exception {
        ChildJvm.Result r = jvm.run("dev.vex.cli.Main", args, timeout);
        String problem = problem(r);
        if (problem == null) {
            runs += inputs.size();
            return r.output();
        }
        if (inputs.size() > 1) {
            for (Path e : r.errorFiles()) {
                Files.delete(e); // the rerun of the culprit writes its own
            }
            for (Path f : inputs) {
                List<String> one = new ArrayList<>(args.subList(0, args.size() - inputs.size()));
                one.add(f.toString());
                check(what, one, List.of(f), timeout, files);
            }
            return null;
        }
        runs++;
        if (r.timedOut()) {
            hangs++;
        } else if (r.leakedStackTrace() && r.exitCode() >= 0 && r.exitCode() <= 2 && r.errorFiles().isEmpty()) {
            traces++;
        } else {
            crashes++;
        }
        Path kept = keep(inputs.get(0));
        String excerpt = r.output().lines().limit(12).reduce("", (a, b) -> a + "\n      " + b);
        problems.add("vex " + what + " " + kept + ": " + problem + " [" + files.get(inputs.get(0)) + "]" + excerpt);
        for (Path e : r.errorFiles()) {
            Files.move(e, kept.resolveSibling(kept.getFileName() + "." + e.getFileName()));
        }
        return null;
    }

    private static String problem(ChildJvm.Result r) {
        if (r.timedOut()) {
            return "hang (killed at the time limit)";
        }
        if (!r.errorFiles().isEmpty()) {
            return "JVM crash (hs_err file), exit " + r.exitCode();
        }
        if (r.exitCode() < 0 || r.exitCode() > 2) {
            return "crash: exit " + r.exitCode() + (r.exitCode() > 128 ? " (signal " + (r.exitCode() - 128) + ")" : "");
        }
        if (r.leakedStackTrace()) {
            return "leaked Java stack trace, exit " + r.exitCode();
        }
        return null;
    }

    /** Copies a culprit under target/mutation-campaign/ for a look afterwards. */
    private static Path keep(Path file) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "mutation-campaign"));
        Path kept = folder.resolve(file.getFileName());
        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return kept.toAbsolutePath();
    }
}
