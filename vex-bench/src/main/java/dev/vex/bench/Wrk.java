package dev.vex.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load generator wrk (a Debian package): one run against 127.0.0.1, and the figures of
 * its report: requests per second, the 99th percentile latency ({@code --latency}), the request
 * count, and the failures it counts (socket errors of every kind, non-2xx/3xx answers).
 */
final class Wrk {
    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double p99Millis, long requests, long socketErrors, long non2xx, String report) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    /** Whether wrk is on the PATH. */
    static boolean available() {
        return onPath("wrk");
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** {@code wrk -t threads -c connections -d seconds --latency http://127.0.0.1:port/}. */
    static Result run(int port, int threads, int connections, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "http://127.0.0.1:" + port + "/"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish:\n" + out);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "):\n" + out);
        }
        return parse(out);
    }

    /** The figures of a wrk report; a report without requests per second is an error. */
    static Result parse(String report) {
        Matcher rps = RPS.matcher(report);
        Matcher p99 = P99.matcher(report);
        Matcher requests = REQUESTS.matcher(report);
        if (!rps.find() || !p99.find() || !requests.find()) {
            throw new IllegalStateException("not a wrk --latency report:\n" + report);
        }
        double latency = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> latency / 1e3;
            case "ms" -> latency;
            default -> latency * 1e3;
        };
        long socketErrors = 0;
        Matcher se = SOCKET_ERRORS.matcher(report);
        if (se.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(se.group(g));
            }
        }
        Matcher bad = NON_2XX.matcher(report);
        long non2xx = bad.find() ? Long.parseLong(bad.group(1)) : 0;
        return new Result(Double.parseDouble(rps.group(1)), millis, Long.parseLong(requests.group(1)), socketErrors, non2xx,
                report);
    }

    /** "123,456 req/s, p99 1.23 ms, 0 socket errors, 0 non-2xx" for a figure's context. */
    static String summary(Result r) {
        return String.format(Locale.ROOT, "%s req/s, p99 %s ms, %d socket errors, %d non-2xx",
                Numbers.format(r.requestsPerSecond()), Numbers.format(r.p99Millis()), r.socketErrors(), r.non2xx());
    }
}
