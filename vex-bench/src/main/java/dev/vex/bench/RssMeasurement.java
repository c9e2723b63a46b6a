package dev.vex.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@link RssProbe} in a child JVM (this JVM's binary and class path) and reads its line.
 * The child has a fixed, pre-touched 64 MB heap, so that only native memory grows while the
 * tasks are spawned.
 */
final class RssMeasurement {
    /** Bytes per idle task, all of it and without the task's frame. */
    record PerTask(long tasks, double bytesPerTask, int frameSize) {
        double beyondFrame() {
            return bytesPerTask - frameSize;
        }
    }

    private RssMeasurement() {
    }

    static PerTask measure(String kind, long tasks) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), RssProbe.class.getName(), kind, Long.toString(tasks)));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("rss ") && exit == 0) {
                String[] f = line.trim().split(" ");
                long n = Long.parseLong(f[2]);
                long before = Long.parseLong(f[3]);
                long after = Long.parseLong(f[4]);
                return new PerTask(n, (after - before) / (double) n, Integer.parseInt(f[5]));
            }
        }
        throw new IllegalStateException("RssProbe " + kind + " failed (exit " + exit + "):\n" + out);
    }
}
