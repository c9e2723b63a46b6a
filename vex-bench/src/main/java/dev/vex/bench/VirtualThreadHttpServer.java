package dev.vex.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java peer of examples/http_server.clif for {@link HttpLoad}: the same work (every complete
 * request a read holds answered, in order, with one write of the same 78-byte response;
 * keep-alive until the client closes) with one virtual thread per connection and blocking
 * sockets, the way JDK 21+ means them to be used. Run in a child JVM of JDK 21 or later with
 * {@code -Djdk.virtualThreadScheduler.parallelism=N}; prints {@code listening PORT} once it
 * accepts. The module targets Java 17, so the executor is looked up reflectively.
 */
public final class VirtualThreadHttpServer {
    static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n\r\nHello, world!")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 16384;

    private VirtualThreadHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ExecutorService threads = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        try (ServerSocket server = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress())) {
            System.out.println("listening " + server.getLocalPort());
            System.out.flush();
            threads.submit(() -> {
                while (true) {
                    Socket s = server.accept();
                    threads.submit(() -> serve(s));
                }
            }).get();
        }
    }

    /** One connection, until the client closes it or an error. */
    static Void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[BUFFER];
            byte[] reply = new byte[BUFFER + RESPONSE.length];
            int have = 0;
            while (have < BUFFER) {
                int n = in.read(buf, have, BUFFER - have);
                if (n <= 0) {
                    break;
                }
                have += n;
                int start = 0;
                int replyLength = 0;
                for (int i = 0; i + 4 <= have; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                        if (replyLength + RESPONSE.length > BUFFER) {
                            out.write(reply, 0, replyLength);
                            replyLength = 0;
                        }
                        System.arraycopy(RESPONSE, 0, reply, replyLength, RESPONSE.length);
                        replyLength += RESPONSE.length;
                        i += 3;
                        start = i + 1;
                    }
                }
                if (replyLength > 0) {
                    out.write(reply, 0, replyLength);
                }
                System.arraycopy(buf, start, buf, 0, have - start);
                have -= start;
            }
        } catch (IOException e) {
            // a client that went away: nothing to answer
        }
        return null;
    }
}
