package dev.vex.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.Targets;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/http_server.clif under real HTTP clients on 127.0.0.1, on both engines: Java's
 * {@link HttpClient} (keep-alive, sequential and concurrent requests) and curl when installed
 * (several URLs on one connection). The server stops after the requests the test makes, so each
 * run ends by itself; it returns how many it answered.
 */
class RealClientsTest {
    private static void assumeEngine(String engine) {
        assumeTrue(!engine.equals("x64") || "x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "x64"})
    void javaHttpClient(String engine) throws Exception {
        assumeEngine(engine);
        Module m = LivePeer.example("http_server.clif");
        int port = LivePeer.freePort();
        int sequential = 20;
        int concurrent = 10;
        CompletableFuture<Outcome> run = LivePeer.start(LivePeer.engine(engine), m, "serve", port, sequential + concurrent);
        LivePeer.awaitListening(port);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(LivePeer.LIMIT).build();
        for (int i = 0; i < sequential; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/seq/" + i))
                    .timeout(LivePeer.LIMIT).build();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("Hello, world!", r.body());
            assertEquals("text/plain", r.headers().firstValue("content-type").orElse(""));
        }
        List<CompletableFuture<HttpResponse<String>>> many = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/par/" + i))
                    .timeout(LivePeer.LIMIT).build();
            many.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : many) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("Hello, world!", r.body());
        }
        assertEquals(new Outcome.Returned(new long[] {sequential + concurrent}), LivePeer.await(run), engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "x64"})
    void curl(String engine) throws Exception {
        assumeEngine(engine);
        assumeTrue(onPath("curl"), "curl is not installed (.ci/run installs it)");
        Module m = LivePeer.example("http_server.clif");
        int port = LivePeer.freePort();
        CompletableFuture<Outcome> run = LivePeer.start(LivePeer.engine(engine), m, "serve", port, 3);
        LivePeer.awaitListening(port);
        String url = "http://127.0.0.1:" + port + "/";
        Process p = new ProcessBuilder("curl", "-sS", "--http1.1", "--max-time", "20", "-w", " %{http_code} %{num_connects}\n",
                url + "a", url + "b", url + "c").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(30, TimeUnit.SECONDS), "curl finished");
        assertEquals(0, p.exitValue(), out);
        // Three answers; curl connected once and reused the connection (keep-alive) for the rest.
        assertEquals("Hello, world! 200 1\nHello, world! 200 0\nHello, world! 200 0\n", out);
        assertEquals(new Outcome.Returned(new long[] {3}), LivePeer.await(run), engine);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
