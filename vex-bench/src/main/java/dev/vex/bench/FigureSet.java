package dev.vex.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the run's JMH medians and RSS measurements into the suite's figures, each with its target. */
final class FigureSet {
    private static final String VEX = "VexAsyncBenchmark.";
    private static final String CF = "CompletableFutureBenchmark.";
    private static final String VT = "VirtualThreadBenchmark.";
    private static final String COMPILE = "CompileThroughputBenchmark.";
    /** The conformance workload of {@link CompileThroughputBenchmark}'s {@code workload} parameter. */
    private static final String ON_CONFORMANCE = ":conformance";

    private final JmhRuns jmh;
    private final boolean compile;
    private final boolean quick;

    FigureSet(JmhRuns jmh, boolean compile, boolean quick) {
        this.jmh = jmh;
        this.compile = compile;
        this.quick = quick;
    }

    List<Figure> figures(RssMeasurement.PerTask waiting, RssMeasurement.PerTask sleeping) {
        List<Figure> fs = new ArrayList<>();
        double ready = jmh.median(VEX + "readyAwait");
        double plain = jmh.median(VEX + "plainCall");
        double pairRatio = jmh.secondarySum(VEX + "readyVersusPlain", "readyNs") / jmh.secondarySum(VEX + "readyVersusPlain", "plainNs");
        double cfReady = jmh.median(CF + "readyAwait");
        double cfPlain = jmh.median(CF + "plainCall");
        String readyContext = "plain call " + ns(plain) + "; CompletableFuture join " + ns(cfReady)
                + " (" + x(cfReady / cfPlain) + " its plain call, " + ns(cfPlain) + "); published: Tokio 5.5 ns (2.7×), Kotlin 7.5 ns (3.1×)";
        fs.add(new Figure("ready_await_ns", "await of a ready out-of-line async fn", ready, "ns", 5, true,
                "design target ~5 ns; " + readyContext));
        fs.add(new Figure("ready_await_ratio", "ready await / plain sync call, timed as a pair", pairRatio, "×", 1.3, true,
                "ratio of the two separate medians " + x(ready / plain) + "; " + readyContext));

        double jna = jmh.median("JavaCallBenchmark.invokeLong");
        fs.add(new Figure("java_call_jna_ns", "Java to native call, NativeFunction.invokeLong (JNA, JDK 17)", jna, "ns", 150, true,
                "same call with JNI-copied arrays (the former path) " + ns(jmh.median("JavaCallBenchmark.invokeBitsArrays"))
                        + "; %add(i64, i64) -> i64, so the binding is all there is"));

        if (jmh.has("FfmCallBenchmark.handle")) {
            double ffm = jmh.median("FfmCallBenchmark.handle");
            double raw = jmh.median("FfmCallBenchmark.raw");
            String same = "%add(i64, i64) -> i64 on JDK 22+: raw FFM downcall of its C entry " + ns(raw)
                    + "; invokeLong on the FFM binding " + ns(jmh.median("FfmCallBenchmark.invokeLong"))
                    + "; JNI path (invokeLong, JDK 17) " + ns(jna) + ", FFM/JNI " + x(ffm / jna);
            fs.add(new Figure("java_call_ffm_ns", "Java to native call, NativeFunction.handle() (FFM, JDK 22+)", ffm, "ns",
                    Double.NaN, true, same));
            fs.add(new Figure("java_call_ffm_vs_raw_ratio", "FFM call handle / raw FFM downcall of the same code, same fork",
                    ffm / raw, "×", 2, true, same));
        }

        fs.add(new Figure("yield_1_worker_ns", "yield round trip, 1 worker", jmh.median(VEX + "yield1"), "ns", 15, true,
                peer(VT + "yield1", "virtual threads (1 carrier) Thread.yield") + "published: Kotlin 33, Go 106, Tokio 229 ns"));
        fs.add(new Figure("yield_2_workers_ns", "yield, 2 workers, " + VexAsyncBenchmark.YIELD_TASKS + " tasks: wall time / yields per task",
                jmh.median(VEX + "yield2"), "ns", 25, true,
                peer(VT + "yield2", "virtual threads (2 carriers)") + "published: Kotlin 109, Go 184 ns"));

        for (int w = 1; w <= 2; w++) {
            fs.add(new Figure("spawn_join_" + w + "_worker" + (w == 1 ? "" : "s") + "_ns",
                    "spawn + run + join per task, " + w + " worker" + (w == 1 ? "" : "s"),
                    jmh.median(VEX + "spawnJoin" + w), "ns", w == 1 ? 50 : 100, true,
                    peer(CF + "spawnJoin" + w, "CompletableFuture.supplyAsync on ForkJoinPool(" + w + ")")
                            + peer(VT + "spawnJoin" + w, "virtual threads (" + w + " carrier" + (w == 1 ? "" : "s") + ")")
                            + "published: Tokio " + (w == 1 ? 326 : 423) + " ns"));
        }

        fs.add(rss("rss_idle_wait_bytes", "RSS per idle task waiting forever, beyond its frame", waiting, 64,
                "published: Tokio 136 B"));
        fs.add(rss("rss_idle_sleep_bytes", "RSS per idle task in a sleep, beyond its frame", sleeping, 96,
                "published: Kotlin 473 B in a sleep"));

        fs.add(new Figure("ping_pong_ns", "channel ping-pong round trip, 1 worker", jmh.median(VEX + "pingPong1"), "ns", 40, true,
                peer(CF + "pingPongThreads", "2 platform threads over SynchronousQueue")
                        + peer(VT + "pingPong1", "virtual threads (1 carrier) over SynchronousQueue")
                        + "published: Tokio 376 ns"));

        if (compile) {
            double e2e = jmh.secondaryMedian(COMPILE + "endToEnd" + ON_CONFORMANCE, "instructions") / 1e6;
            long perPass = Math.round(jmh.secondaryMedian(COMPILE + "endToEnd" + ON_CONFORMANCE, "instructions") / jmh.median(COMPILE + "endToEnd" + ON_CONFORMANCE));
            StringBuilder stages = new StringBuilder();
            for (String s : quick ? List.of("emit") : List.of("read", "verify", "isel", "regalloc", "emit", "backend")) {
                stages.append(s).append(' ').append(Numbers.format(jmh.secondaryMedian(COMPILE + s + ON_CONFORMANCE, "instructions") / 1e6)).append(" M/s; ");
            }
            fs.add(new Figure("compile_end_to_end_mips", "compile throughput, text to machine code, warm", e2e, "M IR instr/s", 1, false,
                    "conformance functions, " + perPass + " IR instructions a pass; per stage: " + stages
                            + "published: asmjit Compiler 3.2–3.5 M/s"));
            if (!quick) {
                for (String s : List.of("read", "verify", "isel", "regalloc", "emit", "backend")) {
                    fs.add(new Figure("compile_" + s + "_mips", "compile stage " + s, jmh.secondaryMedian(COMPILE + s + ON_CONFORMANCE, "instructions") / 1e6,
                            "M IR instr/s", Double.NaN, false, "no target of its own"));
                }
            }
        }
        fs.add(new Figure("compile_large_functions_mips", "compile throughput, text to machine code, large functions",
                jmh.median("LargeFunctionCompileBenchmark.endToEnd") / 1e6, "M IR instr/s", 1, false,
                LargeFunctionCompileBenchmark.FUNCTIONS + " generated functions of " + LargeFunctionCompileBenchmark.BODY
                        + " integer instructions in a loop: per-function costs out of the way"));
        fs.add(new Figure("assembler_mips", "x64 assembler alone (encoding mix)", jmh.median("X64AssemblerBenchmark.encodeMix") / 1e6,
                "M instr/s", 30, false, "machine instructions encoded per second"));

        for (String k : List.of("loop_sum", "fib", "sieve", "checksum", "mandel")) {
            String pair = "CodeSpeedBenchmark.paired:" + k;
            double calls = jmh.secondarySum(pair, "calls");
            double vex = jmh.secondarySum(pair, "vexNs") / calls / 1e3;
            double c2 = jmh.secondarySum(pair, "jvmNs") / calls / 1e3;
            fs.add(new Figure("code_speed_" + k + "_ratio", "code speed " + k + ": Vex time / C2 time", vex / c2, "×", 1.5, true,
                    String.format(Locale.ROOT, "Vex %s µs, HotSpot C2 %s µs per call (same IR as bytecode; mean of %.0f paired calls)",
                            Numbers.format(vex), Numbers.format(c2), calls)));
            double gcc = jmh.secondarySumOrZero(pair, "gccNs") / calls / 1e3;
            if (gcc > 0) {
                fs.add(new Figure("code_speed_" + k + "_vs_gcc_ratio", "code speed " + k + ": Vex time / gcc -O2 time",
                        vex / gcc, "×", Double.NaN, true,
                        String.format(Locale.ROOT, "Vex %s µs, gcc -O2 (kernels.c through JNA) %s µs per call: the floor",
                                Numbers.format(vex), Numbers.format(gcc))));
            }
        }
        fs.add(preemptionOverhead());
        return fs;
    }

    /**
     * {@code preemption_overhead_ratio}: the loop kernels run as async tasks with the checks over
     * the same without, each kernel's ratio of its paired times; the figure is their geometric
     * mean, so that a short kernel counts as much as a long one.
     */
    private Figure preemptionOverhead() {
        double logSum = 0;
        StringBuilder each = new StringBuilder();
        for (String k : PreemptionOverheadBenchmark.KERNELS) {
            String pair = "PreemptionOverheadBenchmark.paired:" + k;
            double ratio = jmh.secondarySum(pair, "checkedNs") / jmh.secondarySum(pair, "uncheckedNs");
            logSum += Math.log(ratio);
            each.append(k).append(' ').append(x(ratio)).append("; ");
        }
        double mean = Math.exp(logSum / PreemptionOverheadBenchmark.KERNELS.size());
        return new Figure("preemption_overhead_ratio", "code-speed loop kernels as async tasks: with preemption checks / without",
                mean, "×", 1.03, true, each + "geometric mean; timed as interleaved pairs on 1 worker; fib has no loop");
    }

    /** {@code first_compile_ms}: no numeric target in the issue, so reported without one. */
    static Figure firstCompile(FirstCompileMeasurement.Latency l) {
        return new Figure("first_compile_ms", "first Vex.compile in a fresh JVM: read, compile, first call",
                l.totalMs(), "ms", Double.NaN, true,
                String.format(Locale.ROOT, "median of %d child JVMs: read %s ms, compile and link %s ms, first call %s ms;"
                        + " the main thread's CPU time %s ms (wall minus CPU is the machine's load)",
                        l.runs(), Numbers.format(l.readMs()), Numbers.format(l.compileMs()), Numbers.format(l.firstCallMs()),
                        Numbers.format(l.cpuMs())));
    }

    private Figure rss(String name, String title, RssMeasurement.PerTask m, double target, String published) {
        return new Figure(name, title, m.beyondFrame(), "B", target, true,
                String.format(Locale.ROOT, "%s B per task in all, frame %d B, %d tasks; %s",
                        Numbers.format(m.bytesPerTask()), m.frameSize(), m.tasks(), published));
    }

    /** "label X ns; " when the peer ran, else nothing. */
    private String peer(String name, String label) {
        if (!jmh.has(name)) return "";
        return label + " " + ns(jmh.median(name)) + "; ";
    }

    private static String ns(double v) {
        return Numbers.format(v) + " ns";
    }

    private static String x(double v) {
        return Numbers.format(v) + "×";
    }
}
