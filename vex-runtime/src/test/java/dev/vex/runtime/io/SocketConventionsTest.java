package dev.vex.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Engine;
import dev.vex.filetest.FileTestRunner;
import dev.vex.filetest.TestReport;
import dev.vex.runtime.jit.Targets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The socket builtins' conventions on the interpreter and on x64, from run-test files:
 * tcp-errors.clif (the -errno results), tcp-options.clif (options, peer address, SO_REUSEPORT),
 * udp.clif, sock-handles.clif (bad and closed handles, a close waking its waiters) and
 * io-timeouts.clif (socket timeouts).
 */
class SocketConventionsTest {
    @ParameterizedTest
    @CsvSource({"interp, tcp-errors.clif, 4", "x64, tcp-errors.clif, 4", "interp, tcp-options.clif, 3", "x64, tcp-options.clif, 3",
        "interp, udp.clif, 4", "x64, udp.clif, 4", "interp, sock-handles.clif, 9", "x64, sock-handles.clif, 9",
        "interp, io-timeouts.clif, 2", "x64, io-timeouts.clif, 2"})
    void sameResultsOnEveryEngine(String name, String file, int runLines) throws IOException, URISyntaxException {
        assumeTrue(!name.equals("x64") || "x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Engine engine = LivePeer.engine(name);
        Path path = Path.of(SocketConventionsTest.class.getResource(file).toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        new FileTestRunner(List.of(engine), report).runPaths(List.of(path));
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(runLines > 0);
        assertEquals(0, report.failed(), log);
        assertEquals(runLines, report.passed(), log);
    }
}
