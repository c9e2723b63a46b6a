/**
 * The benchmark suite behind {@code vex bench}: JMH benchmarks that measure Vex against its design
 * targets and its JVM peers in the same run, and {@link dev.vex.bench.BenchMain}, which runs them
 * and reports.
 *
 * <p>Native loops are CLIF ({@code async-loops.clif}, {@code kernels.clif} in the resources),
 * compiled by Vex and timed one call per invocation ({@code VexAsyncBenchmark},
 * {@code CodeSpeedBenchmark}); the peers are {@code CompletableFutureBenchmark} and
 * {@code VirtualThreadBenchmark}; {@code IrToBytecode} turns the kernels' IR into JVM bytecode for
 * the code-speed comparison with C2; {@code RssProbe} measures memory per idle task in a JVM of
 * its own; the compile-throughput benchmarks time the compiler per stage and end to end.
 * {@code FigureSet} turns the medians into {@code Figure}s, which {@code MarkdownTable},
 * {@code ResultsJson} and {@code SvgChart} print.
 */
package dev.vex.bench;
