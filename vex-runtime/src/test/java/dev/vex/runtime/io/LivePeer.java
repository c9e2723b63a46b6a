package dev.vex.runtime.io;

import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.interp.InterpreterEngine;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.NativeEngine;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.x64.X64Target;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the I/O tests share: the examples as modules, the two engines, a program run in the
 * background while a Java peer talks to it on 127.0.0.1, and bounded waits everywhere.
 */
final class LivePeer {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Every wait of a test is bounded by this. */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "io-test-program");
        t.setDaemon(true); // a hung native run must not keep the test JVM alive
        return t;
    });

    private LivePeer() {
    }

    /** The example {@code name} (in examples/), read and verified. */
    static Module example(String name) throws IOException {
        Path file = Path.of(System.getProperty("vex.root", ".."), "examples", name);
        Module m = ClifReader.readModule(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        var errors = Verifier.verify(m);
        if (!errors.isEmpty()) {
            throw new AssertionError(file + ": " + errors);
        }
        return m;
    }

    /** A run-test file beside these tests (src/test/resources/dev/vex/runtime/io), read and verified. */
    static Module resource(String name) throws IOException {
        try (var in = LivePeer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            Module m = ClifReader.readModule(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            var errors = Verifier.verify(m);
            if (!errors.isEmpty()) {
                throw new AssertionError(name + ": " + errors);
            }
            return m;
        }
    }

    static Engine engine(String name) {
        return switch (name) {
            case "interp" -> new InterpreterEngine();
            case "x64" -> new NativeEngine("x64", "x86_64", X64Target::new);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs {@code fn(args)} of {@code module} on {@code engine} in the background. */
    static CompletableFuture<Outcome> start(Engine engine, Module module, String fn, long... args) {
        return CompletableFuture.supplyAsync(() -> {
            try (LoadedModule m = engine.load(module)) {
                return m.invoke(fn, args);
            }
        }, BACKGROUND);
    }

    static Outcome await(CompletableFuture<Outcome> run) throws Exception {
        return run.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** Connects to 127.0.0.1:port, retrying while the program under test is not listening yet. */
    static Socket connect(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(LOOPBACK, port), 1000);
                s.setSoTimeout((int) LIMIT.toMillis());
                s.setTcpNoDelay(true);
                return s;
            } catch (ConnectException e) {
                s.close();
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Waits until something listens on 127.0.0.1:port, with a connection that is closed at once
     * (which an HTTP server counts as a connection with no requests).
     */
    static void awaitListening(int port) throws IOException, InterruptedException {
        connect(port).close();
    }
}
