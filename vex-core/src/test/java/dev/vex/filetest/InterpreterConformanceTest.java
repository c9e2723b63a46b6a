package dev.vex.filetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.interp.InterpreterEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * All of {@code ../shared/conformance} on the reference interpreter: every run line that is not
 * skipped passes, every {@code ; error:} directive holds, and every skip is for a feature outside
 * the scalar core.
 */
class InterpreterConformanceTest {
    private static final Pattern SKIP = Pattern.compile(": skipped \\d+ checks?: ");
    // The features of the 174-file set that the interpreter does not run yet ([conformance] #13).
    private static final Pattern OUT_OF_SCOPE = Pattern.compile(
            "uses (vector|exceptions|frame introspection)");

    @Test
    void everyCheckPassesOrIsSkippedForAFeatureOutsideTheCore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        new FileTestRunner(List.of(new InterpreterEngine()), report).runPaths(List.of(SharedSuite.conformance()));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println("interpreter conformance: " + report.summary());

        List<String> lines = out.lines().toList();
        // Notes say where a run line names another function than the one it follows (and runs).
        List<String> failures = lines.stream()
                .filter(l -> !l.contains(": ok ") && !SKIP.matcher(l).find() && !l.contains(": note: the line names "))
                .toList();
        assertEquals(List.of(), failures, "failures");
        assertEquals(0, report.failed());
        assertTrue(report.passed() >= 9_285, "about 9,300 run lines, less the features not yet run: " + report.summary());

        List<String> skips = lines.stream().filter(l -> SKIP.matcher(l).find()).toList();
        for (String skip : skips) {
            assertTrue(OUT_OF_SCOPE.matcher(skip).find(), "a skip outside the features not yet run: " + skip);
        }
        long directives = lines.stream().filter(l -> l.contains(": ok error: ")).count();
        assertEquals(3, directives, "the three '; error:' directives of async/errors.clif hold");
    }
}
