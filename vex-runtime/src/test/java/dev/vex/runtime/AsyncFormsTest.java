package dev.vex.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Engine;
import dev.vex.filetest.FileTestRunner;
import dev.vex.filetest.TestReport;
import dev.vex.interp.InterpreterEngine;
import dev.vex.runtime.jit.NativeEngine;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The async forms' own run tests ({@code dev/vex/runtime/async/*.clif}: cancellation, awaits of
 * function values, ...): every run line passes on the interpreter and on x64, so both engines
 * agree on each expected result.
 */
class AsyncFormsTest {
    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(AsyncFormsTest.class.getResource("async").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> clif = files.filter(p -> p.toString().endsWith(".clif")).sorted().toList();
            assertTrue(!clif.isEmpty(), "run tests in " + dir);
            return clif.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void passesOnTheInterpreter(Path file) throws IOException {
        check(new InterpreterEngine(), file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void passesOnX64(Path file) throws IOException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        check(new NativeEngine("x64", "x86_64", X64Target::new), file);
    }

    private static void check(Engine engine, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int runLines = ClifReader.readTestFile(text, file.toString()).functions().stream()
                .mapToInt(f -> f.runs().size()).sum();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        new FileTestRunner(List.of(engine), report).runPaths(List.of(file));
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(runLines > 0, file + " has run lines");
        assertEquals(0, report.failed(), log);
        assertEquals(runLines, report.passed(), log);
    }
}
