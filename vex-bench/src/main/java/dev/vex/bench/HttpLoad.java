package dev.vex.bench;

import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskHandle;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.text.ClifReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP figures: examples/http_server.clif compiled natively and served by a runtime of
 * {@link #WORKERS} workers, then the same work served by {@link VirtualThreadHttpServer} on
 * {@link #WORKERS} carrier threads in a child JVM of JDK 21 or later, each under the same wrk
 * load ({@link #WRK_THREADS} threads, {@link #CONNECTIONS} connections) on 127.0.0.1, in this
 * run. Each server first gets a warm-up run of wrk (the JVM peer's JIT, both servers' caches),
 * then the measured one.
 */
final class HttpLoad {
    static final int WORKERS = 2;
    static final int WRK_THREADS = 2;
    static final int CONNECTIONS = 50;

    /** The two measurements; {@code virtualThreads} is null when no JDK 21+ was at hand. */
    record Results(Wrk.Result vex, Wrk.Result virtualThreads, int seconds) {
    }

    private HttpLoad() {
    }

    /** The example, as the repository holds it ({@code vex.root}, which the vex launcher sets). */
    static Path example() {
        return Path.of(System.getProperty("vex.root", "."), "examples", "http_server.clif");
    }

    /**
     * Measures both servers for {@code seconds} each after {@code warmupSeconds} of warm-up.
     * {@code peerJava}: the java binary for the virtual-thread peer (null: this JVM's, if 21+).
     */
    static Results measure(int seconds, int warmupSeconds, String peerJava) throws IOException, InterruptedException {
        Wrk.Result vex = vex(seconds, warmupSeconds);
        String java = peerJava != null ? peerJava
                : Runtime.version().feature() >= 21 ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : null;
        Wrk.Result vt = java == null ? null : virtualThreads(java, seconds, warmupSeconds);
        return new Results(vex, vt, seconds);
    }

    private static Wrk.Result vex(int seconds, int warmupSeconds) throws IOException, InterruptedException {
        String text = Files.readString(example(), StandardCharsets.UTF_8);
        int port = freePort();
        try (NativeModule module = Vex.compile(ClifReader.readModule(text, example().toString()));
             VexRuntime rt = VexRuntime.create(WORKERS)) {
            TaskHandle server = rt.spawn(module.function("serve"), (long) port, 0L); // serves until cancelled
            awaitListening(port);
            Wrk.run(port, WRK_THREADS, CONNECTIONS, warmupSeconds);
            Wrk.Result r = Wrk.run(port, WRK_THREADS, CONNECTIONS, seconds);
            server.cancel();
            checkClean("the Vex HTTP server", r);
            return r;
        }
    }

    private static Wrk.Result virtualThreads(String java, int seconds, int warmupSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx256m",
                "-Djdk.virtualThreadScheduler.parallelism=" + WORKERS, "-Djdk.virtualThreadScheduler.maxPoolSize=" + WORKERS,
                "-cp", System.getProperty("java.class.path"), VirtualThreadHttpServer.class.getName(), "0"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening ")) {
                throw new IllegalStateException("the virtual-thread HTTP server did not start: " + line);
            }
            int port = Integer.parseInt(line.substring("listening ".length()).trim());
            Wrk.run(port, WRK_THREADS, CONNECTIONS, warmupSeconds);
            Wrk.Result r = Wrk.run(port, WRK_THREADS, CONNECTIONS, seconds);
            checkClean("the virtual-thread HTTP server", r);
            return r;
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** The figures: http_rps, http_p99_ms and, with the peer, http_vs_virtual_threads_ratio. */
    static List<Figure> figures(Results r) {
        String load = String.format(Locale.ROOT, "wrk -t%d -c%d -d%ds on 127.0.0.1, %d workers / carriers",
                WRK_THREADS, CONNECTIONS, r.seconds(), WORKERS);
        String vt = r.virtualThreads() == null ? "virtual-thread peer not run (no JDK 21+)"
                : "virtual threads " + Wrk.summary(r.virtualThreads());
        String context = "Vex " + Wrk.summary(r.vex()) + "; " + vt + "; " + load + "; Go not measured (no go on the PATH)";
        List<Figure> fs = new ArrayList<>();
        fs.add(new Figure("http_rps", "HTTP/1.1 keep-alive requests/s under wrk (examples/http_server.clif)",
                r.vex().requestsPerSecond(), "req/s", 110_000, false, context));
        fs.add(new Figure("http_p99_ms", "HTTP p99 latency under wrk", r.vex().p99Millis(), "ms", Double.NaN, true,
                "no target of its own; " + vt));
        if (r.virtualThreads() != null) {
            fs.add(new Figure("http_vs_virtual_threads_ratio", "HTTP requests/s: Vex / Java virtual threads, same run",
                    r.vex().requestsPerSecond() / r.virtualThreads().requestsPerSecond(), "×", 1, false, context));
        }
        return fs;
    }

    /** A run with failed requests measured nothing worth reporting. */
    static void checkClean(String who, Wrk.Result r) {
        if (r.requests() == 0 || r.non2xx() > 0) {
            throw new IllegalStateException(who + " under wrk: " + r.requests() + " requests, " + r.non2xx()
                    + " non-2xx answers:\n" + r.report());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (ConnectException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
