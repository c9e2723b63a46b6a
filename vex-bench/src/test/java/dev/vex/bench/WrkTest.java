package dev.vex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** wrk's reports, as wrk 4.1 prints them, read into figures. */
class WrkTest {
    private static final String CLEAN = """
            Running 2s test @ http://127.0.0.1:40000/
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   410.12us  300.50us   9.87ms   90.00%
                Req/Sec    60.12k     3.01k   66.00k    70.00%
              Latency Distribution
                 50%  350.00us
                 75%  450.00us
                 90%  600.00us
                 99%    1.75ms
              239520 requests in 2.00s, 21.69MB read
            Requests/sec: 119760.00
            Transfer/sec:     10.85MB
            """;

    @Test
    void readsACleanReport() {
        Wrk.Result r = Wrk.parse(CLEAN);
        assertEquals(119760.0, r.requestsPerSecond());
        assertEquals(1.75, r.p99Millis(), 1e-9);
        assertEquals(239520, r.requests());
        assertEquals(0, r.socketErrors());
        assertEquals(0, r.non2xx());
    }

    @Test
    void readsErrorsAndOtherUnits() {
        String bad = CLEAN.replace("    1.75ms", "  850.00us")
                .replace("Requests/sec", "  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 7\nRequests/sec");
        Wrk.Result r = Wrk.parse(bad);
        assertEquals(0.85, r.p99Millis(), 1e-9);
        assertEquals(10, r.socketErrors());
        assertEquals(7, r.non2xx());
        assertEquals(2000.0, Wrk.parse(CLEAN.replace("    1.75ms", "    2.00s")).p99Millis(), 1e-9);
    }

    @Test
    void rejectsSomethingElse() {
        assertThrows(IllegalStateException.class, () -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"));
    }
}
