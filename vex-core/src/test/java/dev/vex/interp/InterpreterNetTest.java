package dev.vex.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.exec.Outcome;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's sockets beyond what the engines compare (vex-runtime's I/O tests do that):
 * handles it never gave, the real-time bound on a wait nothing answers, virtual time moving on
 * while a task waits for a socket, and a run's sockets closed when it ends.
 */
class InterpreterNetTest {
    private static final String PROBE = """
            async function %probe(i64) -> i64, i64, i64, i64, i64, i64 {
                fn0 = async %vex_tcp_accept(i64) -> i64
                fn1 = async %vex_tcp_read(i64, i64, i64) -> i64
                fn2 = async %vex_tcp_write(i64, i64, i64) -> i64
                fn3 = async %vex_tcp_close(i64) -> i64
                fn4 = %vex_tcp_local_port(i64) -> i64
                fn5 = %vex_tcp_shutdown(i64) -> i64
                fn6 = %vex_alloc(i64) -> i64
            block0(v0: i64):
                v1 = iconst.i64 16
                v2 = call fn6(v1)
                v3 = await fn0(v0)
                v4 = await fn1(v0, v2, v1)
                v5 = await fn2(v0, v2, v1)
                v6 = await fn3(v0)
                v7 = call fn4(v0)
                v8 = call fn5(v0)
                return v3, v4, v5, v6, v7, v8
            }
            """;

    @Test
    void everySocketBuiltinAnswersEbadfForAHandleItNeverGave() {
        Interpreter interp = new Interpreter(ClifReader.readModule(PROBE, "probe.clif"));
        List<Long> handles = new ArrayList<>(List.of(0L, 1L, 2L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x7f00_0001L));
        Random random = new Random(16);
        for (int i = 0; i < 200; i++) {
            handles.add(random.nextLong());
        }
        long[] ebadf = {-9, -9, -9, -9, -9, -9};
        for (long h : handles) {
            assertEquals(new Outcome.Returned(ebadf), interp.run("probe", new long[] {h}), "handle " + h);
        }
    }

    private static final String ACCEPT_FOREVER = """
            async function %main() -> i64 {
                fn0 = async %vex_tcp_listen(i64, i64) -> i64
                fn1 = async %vex_tcp_accept(i64) -> i64
            block0:
                v0 = iconst.i64 0x7f00_0001
                v1 = iconst.i64 0
                v2 = await fn0(v0, v1)
                v3 = await fn1(v2)
                return v3
            }
            """;

    @Test
    void aWaitNothingAnswersFailsAfterTheLimit() {
        Module m = ClifReader.readModule(ACCEPT_FOREVER, "accept.clif");
        Interpreter interp = new Interpreter(m, InterpreterOptions.DEFAULTS.withIoWaitLimitMillis(200));
        long t0 = System.nanoTime();
        Outcome o = interp.run("main", new long[0]);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String message = Ir.assertFails(o).reason();
        assertTrue(message.contains("no socket became ready for 200 ms"), message);
        assertTrue(message.contains("%main reading socket 1"), message);
        assertTrue(millis >= 200 && millis < 10_000, millis + " ms");
    }

    private static final String SLEEP_THEN_CONNECT = """
            async function %acceptor(i64) -> i64 {
                fn0 = async %vex_tcp_accept(i64) -> i64
            block0(v0: i64):
                v1 = await fn0(v0)
                return v1
            }

            async function %main() -> i64 {
                fn0 = async %vex_tcp_listen(i64, i64) -> i64
                fn1 = %vex_tcp_local_port(i64) -> i64
                fn2 = async %acceptor(i64) -> i64
                fn3 = async %vex_sleep(i64)
                fn4 = async %vex_tcp_connect(i64, i64) -> i64
                fn5 = async %vex_join(i64) -> i64
            block0:
                v0 = iconst.i64 0x7f00_0001
                v1 = iconst.i64 0
                v2 = await fn0(v0, v1)
                v3 = call fn1(v2)
                v4 = spawn fn2(v2)
                v5 = iconst.i64 3_600_000_000_000
                await fn3(v5)
                v6 = await fn4(v0, v3)
                v7 = await fn5(v4)
                v8 = icmp_imm sgt v7, 0
                v9 = uextend.i64 v8
                return v9
            }
            """;

    @Test
    void virtualTimeDoesNotWaitForTheNetwork() {
        Module m = ClifReader.readModule(SLEEP_THEN_CONNECT, "sleep.clif");
        long t0 = System.nanoTime();
        RunReport r = new Interpreter(m).runWithReport("main", new long[0]);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(new Outcome.Returned(new long[] {1}), r.outcome());
        assertEquals(3_600_000_000_000L, r.virtualNanos(), "an hour of virtual time, while a task waited to accept");
        assertTrue(millis < 10_000, millis + " ms of real time");
    }

    private static final String LISTEN_AND_TRAP = """
            async function %main(i64, i64) -> i64 {
                fn0 = async %vex_tcp_listen(i64, i64) -> i64
            block0(v0: i64, v1: i64):
                v2 = iconst.i64 0x7f00_0001
                v3 = await fn0(v2, v0)
                brif v1, block1, block2
            block1:
                trap user1
            block2:
                return v3
            }
            """;

    @Test
    void aRunClosesItsSocketsWhenItEndsOrTraps() throws Exception {
        Interpreter interp = new Interpreter(ClifReader.readModule(LISTEN_AND_TRAP, "listen.clif"));
        for (long trap : new long[] {0, 1}) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Outcome o = interp.run("main", new long[] {port, trap});
            assertEquals(trap == 0 ? "Returned" : "Trapped", o.getClass().getSimpleName(), o.toString());
            // The port is free again: without SO_REUSEADDR, a bind fails while the listener lives.
            try (ServerSocket again = new ServerSocket()) {
                again.setReuseAddress(false);
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }
}
