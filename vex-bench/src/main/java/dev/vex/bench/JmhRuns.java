package dev.vex.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs JMH benchmarks for {@link BenchMain} and keeps their medians by name
 * ({@code Class.method} or {@code Class.method:param}). JMH's own output goes to a log file; a
 * benchmark that fails to run throws.
 */
final class JmhRuns {
    private final boolean quick;
    private final Path log;
    private final Map<String, RunResult> results = new HashMap<>();

    JmhRuns(boolean quick, Path log) {
        this.quick = quick;
        this.log = log;
    }

    /** Runs the benchmarks matching {@code include} on {@code java} (null: this JVM's) with extra JVM arguments. */
    void run(String include, String java, List<String> jvmArgs) throws RunnerException {
        run(include, java, jvmArgs, false);
    }

    /**
     * The same; {@code slowToWarm} keeps a longer warm-up in quick mode, for benchmarks whose one
     * invocation is long and whose code is large (the compiler), which 600 ms leave half interpreted.
     */
    void run(String include, String java, List<String> jvmArgs, boolean slowToWarm) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(include)
                .forks(1)
                .shouldFailOnError(true)
                .output(log.toString() + "." + results.size());
        if (quick && slowToWarm) {
            o.warmupIterations(4).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        } else if (quick) {
            o.warmupIterations(2).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(300));
        }
        if (java != null) o.jvm(java);
        if (!jvmArgs.isEmpty()) o.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        Collection<RunResult> rs = new Runner(o.build()).run();
        if (rs.isEmpty()) throw new RunnerException("no benchmark matched " + include);
        for (RunResult r : rs) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            for (String key : r.getParams().getParamsKeys()) name += ":" + r.getParams().getParam(key);
            results.put(name, r);
        }
    }

    boolean has(String name) {
        return results.containsKey(name);
    }

    /** The median of the measured iterations, in the benchmark's own unit. */
    double median(String name) {
        return median(result(name).getPrimaryResult());
    }

    /** The median of a secondary result (an {@code AuxCounters} field). */
    double secondaryMedian(String name, String counter) {
        Result<?> r = result(name).getSecondaryResults().get(counter);
        if (r == null) throw new IllegalStateException(name + " has no counter " + counter);
        return median(r);
    }

    /** The total of a secondary result over the measured iterations (for {@code EVENTS} counters). */
    double secondarySum(String name, String counter) {
        Result<?> r = result(name).getSecondaryResults().get(counter);
        if (r == null) throw new IllegalStateException(name + " has no counter " + counter);
        return r.getStatistics().getSum();
    }

    /** As {@link #secondarySum}, or 0 where the benchmark did not report {@code counter}. */
    double secondarySumOrZero(String name, String counter) {
        Result<?> r = result(name).getSecondaryResults().get(counter);
        return r == null ? 0 : r.getStatistics().getSum();
    }

    private RunResult result(String name) {
        RunResult r = results.get(name);
        if (r == null) throw new IllegalStateException("no result for " + name + "; have " + results.keySet());
        return r;
    }

    private static double median(Result<?> r) {
        return r.getStatistics().getPercentile(50.0);
    }
}
