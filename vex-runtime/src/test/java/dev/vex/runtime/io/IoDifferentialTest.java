package dev.vex.runtime.io;

import static dev.vex.runtime.io.LivePeer.LOOPBACK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.Targets;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same I/O programs (examples/echo.clif, examples/http_server.clif, the UDP client of
 * udp.clif) on the interpreter and
 * on x64, each against the same kind of live Java peer on 127.0.0.1: both engines must give the
 * same results, and the peer must see the same bytes.
 */
class IoDifferentialTest {
    static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n\r\nHello, world!";
    static final String REQUEST = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: vex-test\r\n\r\n";

    private static List<String> engines() {
        return "x64".equals(Targets.hostName()) ? List.of("interp", "x64") : List.of("interp");
    }

    @Test
    void echoClientAgainstAJavaEchoServer() throws Exception {
        Module m = LivePeer.example("echo.clif");
        List<Outcome> outcomes = new ArrayList<>();
        for (String engine : engines()) {
            try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
                CompletableFuture<Long> peer = CompletableFuture.supplyAsync(() -> echoOne(server));
                Outcome o = LivePeer.await(LivePeer.start(LivePeer.engine(engine), m, "echo_client",
                        server.getLocalPort(), 200_000));
                assertEquals(200_000L, peer.get(30, TimeUnit.SECONDS), engine + ": bytes the Java peer echoed");
                outcomes.add(o);
            }
        }
        for (Outcome o : outcomes) {
            assertEquals(new Outcome.Returned(new long[] {200_000}), o, "every byte came back intact");
        }
    }

    @Test
    void echoClientGetsConnectionRefused() throws Exception {
        Module m = LivePeer.example("echo.clif");
        int port = LivePeer.freePort();
        for (String engine : engines()) {
            Outcome o = LivePeer.await(LivePeer.start(LivePeer.engine(engine), m, "echo_client", port, 10));
            assertEquals(new Outcome.Returned(new long[] {-111}), o, engine + ": -ECONNREFUSED");
        }
    }

    @Test
    void echoServerAgainstJavaClients() throws Exception {
        Module m = LivePeer.example("echo.clif");
        for (String engine : engines()) {
            int port = LivePeer.freePort();
            CompletableFuture<Outcome> run = LivePeer.start(LivePeer.engine(engine), m, "serve", port, 3);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                byte[] data = new byte[40_000 + c];
                new Random(c).nextBytes(data);
                clients.add(CompletableFuture.runAsync(() -> {
                    try (Socket s = LivePeer.connect(port)) {
                        CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> readAll(s));
                        s.getOutputStream().write(data);
                        s.shutdownOutput();
                        assertArrayEquals(data, back.get(30, TimeUnit.SECONDS), engine + " echoed the bytes");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (CompletableFuture<Void> c : clients) {
                c.get(30, TimeUnit.SECONDS);
            }
            assertEquals(new Outcome.Returned(new long[] {3 * 40_000 + 3}), LivePeer.await(run), engine);
        }
    }

    /**
     * Request/response: three connections to the HTTP example, each of ten requests: one at a
     * time (a request, then its response), all ten in one write (pipelined), and byte by byte.
     */
    @Test
    void httpServerAgainstARawJavaPeer() throws Exception {
        Module m = LivePeer.example("http_server.clif");
        byte[] one = REQUEST.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = RESPONSE.repeat(10).getBytes(StandardCharsets.US_ASCII);
        for (String engine : engines()) {
            int port = LivePeer.freePort();
            CompletableFuture<Outcome> run = LivePeer.start(LivePeer.engine(engine), m, "serve", port, 30);
            try (Socket s = LivePeer.connect(port)) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                for (int i = 0; i < 10; i++) {
                    s.getOutputStream().write(one);
                    got.write(s.getInputStream().readNBytes(RESPONSE.length()));
                }
                assertArrayEquals(expected, got.toByteArray(), engine + ": request/response");
            }
            try (Socket s = LivePeer.connect(port)) {
                s.getOutputStream().write(REQUEST.repeat(10).getBytes(StandardCharsets.US_ASCII));
                assertArrayEquals(expected, s.getInputStream().readNBytes(expected.length), engine + ": pipelined");
            }
            try (Socket s = LivePeer.connect(port)) {
                OutputStream out = s.getOutputStream();
                CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> readN(s, expected.length));
                for (byte b : REQUEST.repeat(10).getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                }
                assertArrayEquals(expected, back.get(30, TimeUnit.SECONDS), engine + ": byte by byte");
            }
            assertEquals(new Outcome.Returned(new long[] {30}), LivePeer.await(run), engine + ": requests answered");
        }
    }

    @Test
    void udpClientAgainstAJavaEchoPeer() throws Exception {
        Module m = LivePeer.resource("udp.clif");
        for (String engine : engines()) {
            try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
                peer.setSoTimeout(30_000);
                CompletableFuture<Integer> echoed = CompletableFuture.supplyAsync(() -> {
                    try {
                        byte[] buf = new byte[64];
                        for (int i = 0; i < 50; i++) {
                            DatagramPacket p = new DatagramPacket(buf, buf.length);
                            peer.receive(p);
                            peer.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
                        }
                        return 50;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                Outcome o = LivePeer.await(LivePeer.start(LivePeer.engine(engine), m, "udp_client", peer.getLocalPort(), 50));
                assertEquals(new Outcome.Returned(new long[] {50}), o, engine + ": echoes intact, from the peer's port");
                assertEquals(50, echoed.get(30, TimeUnit.SECONDS));
            }
        }
    }

    /**
     * A connect with a 100 ms timeout to a Java server whose accept queue is full (the kernel
     * drops the SYN, so the connect waits): -ETIMEDOUT on both engines; the same connect
     * without a timeout limit but with room in the queue succeeds.
     */
    @Test
    void connectWithTimesOutAgainstAFullAcceptQueue() throws Exception {
        Module m = LivePeer.resource("io-timeouts.clif");
        for (String engine : engines()) {
            try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
                List<Socket> queued = new ArrayList<>();
                try {
                    fillAcceptQueue(server, queued);
                    Outcome o = LivePeer.await(LivePeer.start(LivePeer.engine(engine), m, "connect_with",
                            server.getLocalPort(), 100_000_000L));
                    assertEquals(new Outcome.Returned(new long[] {-110}), o, engine + ": -ETIMEDOUT");
                } finally {
                    for (Socket s : queued) {
                        s.close();
                    }
                }
            }
            try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
                Outcome o = LivePeer.await(LivePeer.start(LivePeer.engine(engine), m, "connect_with",
                        server.getLocalPort(), 0L));
                assertEquals(new Outcome.Returned(new long[] {1}), o, engine + ": connected, no limit");
            }
        }
    }

    /** Connects Java clients until one cannot (its SYN is dropped): the queue is full then. */
    private static void fillAcceptQueue(ServerSocket server, List<Socket> queued) throws Exception {
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket();
            try {
                s.connect(server.getLocalSocketAddress(), 200);
                queued.add(s);
            } catch (java.net.SocketTimeoutException e) {
                s.close();
                return;
            }
        }
        throw new AssertionError("the accept queue never filled");
    }

    private static long echoOne(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                total += n;
            }
            return total;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(Socket s) {
        try {
            return s.getInputStream().readAllBytes();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readN(Socket s, int n) {
        try {
            return s.getInputStream().readNBytes(n);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
