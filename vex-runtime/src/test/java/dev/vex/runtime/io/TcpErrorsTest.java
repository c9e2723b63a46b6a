package dev.vex.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.params.provider.ValueSource;

/** tcp-errors.clif: the -errno conventions of the TCP builtins, on the interpreter and on x64. */
class TcpErrorsTest {
    private static final int RUN_LINES = 4;

    @ParameterizedTest
    @ValueSource(strings = {"interp", "x64"})
    void sameErrorsOnEveryEngine(String name) throws IOException, URISyntaxException {
        assumeTrue(!name.equals("x64") || "x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Engine engine = LivePeer.engine(name);
        Path file = Path.of(TcpErrorsTest.class.getResource("tcp-errors.clif").toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        new FileTestRunner(List.of(engine), report).runPaths(List.of(file));
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, report.failed(), log);
        assertEquals(RUN_LINES, report.passed(), log);
    }
}
