package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Java peer's connection loop does the example's work: every complete request answered, in
 * order, whether requests come one at a time, pipelined in one write, or split across writes.
 * (The loop runs on a platform thread here; the benchmark runs it in virtual threads.)
 */
class VirtualThreadHttpServerTest {
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void answersEveryCompleteRequest() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    VirtualThreadHttpServer.serve(server.accept());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            t.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                byte[] five = new String(VirtualThreadHttpServer.RESPONSE, StandardCharsets.US_ASCII).repeat(5)
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(REQUEST.repeat(5).getBytes(StandardCharsets.US_ASCII));
                assertArrayEquals(five, s.getInputStream().readNBytes(five.length), "pipelined");
                byte[] split = REQUEST.repeat(5).getBytes(StandardCharsets.US_ASCII);
                out.write(split, 0, 10);
                out.flush();
                Thread.sleep(20);
                out.write(split, 10, split.length - 10);
                assertArrayEquals(five, s.getInputStream().readNBytes(five.length), "split");
            }
            t.join(10_000);
        }
    }
}
