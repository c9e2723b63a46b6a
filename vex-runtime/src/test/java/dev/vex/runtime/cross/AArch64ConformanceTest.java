package dev.vex.runtime.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.aarch64.A64Target;
import dev.vex.filetest.FileTestRunner;
import dev.vex.filetest.TestReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The machinery of {@code vex test --target aarch64} on conformance files whose functions the
 * AArch64 selector takes whole: every run line compiled for AArch64, run in one harness per file
 * under qemu-aarch64-static and compared with the expected values. No line may fail or be skipped,
 * and the count of passes is what these files hold. Needs the cross tools (CI installs them).
 */
class AArch64ConformanceTest {
    private static final List<String> FILES = List.of("urem.clif", "arithmetic-extends.clif", "icmp-sgt.clif",
            "brif.clif", "udiv.clif", "fibonacci.clif", "smulhi.clif", "call_indirect.clif", "stack.clif");
    /** The run lines of {@link #FILES}, all of which pass (2026-12-03). */
    private static final int PASSES = 282;

    @Test
    void integerConformanceFilesPassUnderQemu() {
        CrossEngine engine = new CrossEngine(new A64Target());
        String missing = new CrossToolchain("aarch64").missing();
        if (missing != null) {
            System.out.println("NOT RUN: " + missing);
            Assumptions.abort(missing);
        }
        Path root = Path.of(System.getProperty("vex.shared", "../../shared"), "conformance", "clif");
        Assumptions.assumeTrue(Files.isDirectory(root), "NOT RUN: no conformance suite at " + root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        new FileTestRunner(List.of(engine), report).runPaths(FILES.stream().map(root::resolve).toList());
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println("aarch64 conformance subset: " + report.summary());
        assertEquals(0, report.failed(), text);
        assertEquals(0, report.skipped(), text);
        assertTrue(report.passed() >= PASSES, report.summary() + "\n" + text);
    }
}
