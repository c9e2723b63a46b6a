package dev.vex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code vex bench [--quick] [--only http] [--peer-java JAVA] [--conformance DIR]}: runs the suite
 * (or only its HTTP figures), prints
 * a markdown table of every figure against its target with the baselines and peers measured in
 * the same run, and writes {@code bench-results.json} and {@code bench-results.svg} to the
 * working directory. Exit code 0 when every benchmark ran (whatever the timings), 1 when one
 * failed to run, 2 on bad arguments.
 *
 * <p>Vex and the CompletableFuture peers run on this JVM; the virtual-thread peers on this
 * JVM if it is 21 or later, else on {@code --peer-java} (default: a Temurin 25 under
 * {@code /usr/lib/jvm} when there is one), else not at all. RSS per idle task is measured by
 * {@link RssProbe} in child JVMs, and first-compile latency by {@link FirstCompileProbe} in
 * fresh child JVMs. The HTTP figures ({@link HttpLoad}) need wrk on the PATH.
 */
public final class BenchMain {
    static final String DEFAULT_PEER_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    private final boolean quick;
    private final boolean onlyHttp;
    private final String peerJava;
    private final Path conformance;
    private final PrintStream out;
    private final PrintStream err;
    private final JmhRuns jmh;
    private final List<Figure> figures = new ArrayList<>();

    private BenchMain(boolean quick, boolean onlyHttp, String peerJava, Path conformance, PrintStream out, PrintStream err)
            throws IOException {
        this.quick = quick;
        this.onlyHttp = onlyHttp;
        this.peerJava = peerJava;
        this.conformance = conformance;
        this.out = out;
        this.err = err;
        this.jmh = new JmhRuns(quick, Files.createTempFile("vex-bench-jmh", ".log"));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the suite with these arguments; returns the exit code (see the class comment). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean quick = false;
        boolean onlyHttp = false;
        String peerJava = null;
        String conformance = System.getProperty("vex.conformance", "../shared/conformance/clif");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--peer-java" -> peerJava = i + 1 < args.length ? args[++i] : null;
                case "--only" -> {
                    if (i + 1 >= args.length || !args[++i].equals("http")) {
                        err.println("vex bench: --only takes one part: http");
                        return 2;
                    }
                    onlyHttp = true;
                }
                case "--conformance" -> conformance = i + 1 < args.length ? args[++i] : null;
                default -> {
                    err.println("vex bench: unknown option '" + args[i] + "'; usage: vex bench [--quick] [--only http] [--peer-java JAVA] [--conformance DIR]");
                    return 2;
                }
            }
        }
        if (peerJava == null && Runtime.version().feature() < 21 && Files.isExecutable(Path.of(DEFAULT_PEER_JAVA))) {
            peerJava = DEFAULT_PEER_JAVA;
        }
        try {
            BenchMain b = new BenchMain(quick, onlyHttp, peerJava, conformance == null ? null : Path.of(conformance), out, err);
            return b.runAll();
        } catch (RunnerException | IOException | InterruptedException | RuntimeException e) {
            err.println("vex bench: a benchmark failed to run: " + e);
            Throwable c = e.getCause();
            while (c != null) {
                err.println("  caused by: " + c);
                c = c.getCause();
            }
            return 1;
        }
    }

    private int runAll() throws RunnerException, IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (onlyHttp) {
            String vtJava = Runtime.version().feature() >= 21 ? null : peerJava;
            HttpLoad.Results http = measureHttp(vtJava);
            if (http != null) figures.addAll(HttpLoad.figures(http));
            return report(t0, environment(vtJava, vtJava != null || Runtime.version().feature() >= 21, 0));
        }
        step("Vex async loops (1 and 2 workers)");
        jmh.run(VexAsyncBenchmark.class.getName() + "\\.", null, List.of());
        step("Java to native calls");
        jmh.run(JavaCallBenchmark.class.getName() + "\\.", null, List.of());
        String ffmJava = Runtime.version().feature() >= 22 ? null
                : Files.isExecutable(Path.of(DEFAULT_PEER_JAVA)) ? DEFAULT_PEER_JAVA : null;
        if (Runtime.version().feature() >= 22 || ffmJava != null) {
            step("Java to native calls through FFM" + (ffmJava == null ? "" : " (" + ffmJava + ")"));
            jmh.run(FfmCallBenchmark.class.getName() + "\\.", ffmJava, List.of("--enable-native-access=ALL-UNNAMED"));
        } else {
            err.println("vex bench: no JDK 22 or later at " + DEFAULT_PEER_JAVA + " for the FFM call figures; skipped");
        }
        step("CompletableFuture and platform-thread peers");
        jmh.run(CompletableFutureBenchmark.class.getName() + "\\.", null, List.of());
        String vtJava = Runtime.version().feature() >= 21 ? null : peerJava;
        boolean virtualThreads = Runtime.version().feature() >= 21 || peerJava != null;
        if (virtualThreads) {
            step("virtual-thread peers, 1 carrier" + (vtJava == null ? "" : " (" + vtJava + ")"));
            jmh.run(VirtualThreadBenchmark.class.getName() + "\\.\\w+1$", vtJava,
                    List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"));
            step("virtual-thread peers, 2 carriers");
            jmh.run(VirtualThreadBenchmark.class.getName() + "\\.\\w+2$", vtJava,
                    List.of("-Djdk.virtualThreadScheduler.parallelism=2", "-Djdk.virtualThreadScheduler.maxPoolSize=2"));
        } else {
            err.println("vex bench: no JDK 21 or later for the virtual-thread peers (--peer-java JAVA); skipped");
        }
        boolean compile = conformance != null && Files.isDirectory(conformance);
        if (compile) {
            step("compile throughput on " + conformance);
            String stages = quick ? "(endToEnd|emit)" : "\\w+";
            jmh.run(CompileThroughputBenchmark.class.getName() + "\\." + stages + "$", null,
                    List.of("-Dvex.conformance=" + conformance.toAbsolutePath()), true);
        } else {
            err.println("vex bench: no conformance suite at " + conformance + " (--conformance DIR): compile throughput skipped");
        }
        step("compile throughput on large generated functions");
        jmh.run(LargeFunctionCompileBenchmark.class.getName() + "\\.", null, List.of(), true);
        step("x64 assembler throughput");
        jmh.run(X64AssemblerBenchmark.class.getName() + "\\.", null, List.of(), true);
        List<Figure> asmjit = measureAsmjit();
        step("code speed: Vex versus C2 on the same IR");
        jmh.run(CodeSpeedBenchmark.class.getName() + "\\.", null, List.of());
        step("preemption checks: the loop kernels as async functions, with and without");
        jmh.run(PreemptionOverheadBenchmark.class.getName() + "\\.", null, List.of());
        long tasks = quick ? 100_000 : 1_000_000;
        step("RSS per idle task, " + tasks + " tasks, in child JVMs");
        RssMeasurement.PerTask waiting = RssMeasurement.measure("wait", tasks);
        RssMeasurement.PerTask sleeping = RssMeasurement.measure("sleep", tasks);
        int firstCompileRuns = quick ? 3 : 7;
        step("first-compile latency, " + firstCompileRuns + " fresh child JVMs");
        FirstCompileMeasurement.Latency firstCompile = FirstCompileMeasurement.measure(firstCompileRuns);
        HttpLoad.Results http = measureHttp(vtJava);

        FigureSet set = new FigureSet(jmh, compile, quick);
        figures.addAll(set.figures(waiting, sleeping));
        figures.addAll(asmjit);
        figures.add(FigureSet.firstCompile(firstCompile));
        if (http != null) figures.addAll(HttpLoad.figures(http));
        return report(t0, environment(vtJava, virtualThreads, tasks));
    }

    /**
     * asmjit's Compiler on the large functions and Assembler on the same mix, right after Vex's
     * JMH runs of the same work, with the same iteration times; no figures when libasmjit-dev is
     * not installed (the peer says why).
     */
    private List<Figure> measureAsmjit() throws IOException {
        step("asmjit peer: x86::Compiler on the large functions, x86::Assembler on the same mix");
        AsmjitPeer peer = AsmjitPeer.build();
        if (peer == null) {
            return List.of();
        }
        double compileSeconds = quick ? 0.5 : 2;
        double asmSeconds = quick ? 0.5 : 1;
        int iterations = quick ? 3 : 5;
        double compiler = peer.compilerRate(LargeFunctionCompileBenchmark.FUNCTIONS, LargeFunctionCompileBenchmark.BODY,
                compileSeconds, iterations);
        double assembler = peer.assemblerRate(asmSeconds, iterations);
        return AsmjitFigures.figures(jmh, compiler, assembler);
    }

    /** The HTTP figures' measurements, or null (with a note) when wrk is not installed. */
    private HttpLoad.Results measureHttp(String vtJava) throws IOException, InterruptedException {
        if (!Wrk.available()) {
            err.println("vex bench: wrk is not installed: the HTTP figures are skipped");
            return null;
        }
        int seconds = quick ? 2 : 10;
        step("HTTP under wrk: examples/http_server.clif, then the virtual-thread peer, " + seconds + " s each");
        return HttpLoad.measure(seconds, quick ? 1 : 3, vtJava);
    }

    private int report(long t0, Map<String, String> env) throws IOException {
        out.println();
        out.println("## Vex benchmarks (" + (quick ? "--quick" : "full") + ")");
        out.println();
        for (Map.Entry<String, String> e : env.entrySet()) out.println("- " + e.getKey() + ": " + e.getValue());
        out.println();
        out.print(MarkdownTable.render(figures));
        Files.writeString(Path.of("bench-results.json"), ResultsJson.render(env, figures));
        Files.writeString(Path.of("bench-results.svg"), SvgChart.render(
                "Vex benchmarks: " + env.get("cpu") + ", " + env.get("jdk"), figures));
        long met = figures.stream().filter(f -> Boolean.TRUE.equals(f.meets())).count();
        long targets = figures.stream().filter(Figure::hasTarget).count();
        out.printf(Locale.ROOT, "%n%d of %d figures meet their targets; wrote bench-results.json and bench-results.svg (%.0f s)%n",
                met, targets, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private void step(String what) {
        err.println("vex bench: " + what + "...");
    }

    private Map<String, String> environment(String vtJava, boolean virtualThreads, long tasks) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("virtual-thread peers", virtualThreads ? (vtJava == null ? "this JDK" : vtJava) : "not run (no JDK 21+)");
        env.put("mode", (quick ? "quick (1 fork, 2x300 ms warm-up, 3x300 ms measured; wrk 1 s warm-up, 2 s measured)"
                : "full (1 fork, JMH iterations as annotated; wrk 3 s warm-up, 10 s measured)") + (onlyHttp ? ", HTTP figures only" : ""));
        if (tasks > 0) env.put("rss tasks", Long.toString(tasks));
        env.put("figures", "medians of the measured iterations");
        env.put("date", Instant.now().toString());
        return env;
    }

    private static String cpuModel() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            for (String line : Files.readAllLines(info)) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }
}
