package dev.vex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link FirstCompileProbe} in fresh child JVMs (this JVM's binary and class path) and keeps
 * the median of each of its times over the runs.
 */
final class FirstCompileMeasurement {
    /** Medians in milliseconds: the total (read to first call returned), its parts, and the thread's CPU time. */
    record Latency(int runs, double totalMs, double readMs, double compileMs, double firstCallMs, double cpuMs) {
    }

    private FirstCompileMeasurement() {
    }

    static Latency measure(int runs) throws IOException, InterruptedException {
        double[][] t = new double[5][runs];
        for (int k = 0; k < runs; k++) {
            long[] one = runOnce();
            for (int i = 0; i < 5; i++) {
                t[i][k] = one[i] / 1e6;
            }
        }
        return new Latency(runs, median(t[0]), median(t[1]), median(t[2]), median(t[3]), median(t[4]));
    }

    private static long[] runOnce() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FirstCompileProbe.class.getName()));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("first_compile ") && exit == 0) {
                String[] f = line.trim().split(" ");
                return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                        Long.parseLong(f[5])};
            }
        }
        throw new IllegalStateException("FirstCompileProbe failed (exit " + exit + "):\n" + out);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
