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
import org.junit.jupiter.api.io.TempDir;

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
    /** Float, popcnt/bitselect and atomic files: every FloatCC, the conversions, fma, rounding, atomics. */
    private static final List<String> FLOAT_AND_ATOMIC_FILES = List.of("fcmp-ueq.clif", "fcmp-one.clif",
            "fcmp-ult.clif", "fcmp-uno.clif", "fma.clif", "fmax.clif", "nearest.clif", "fcopysign.clif",
            "conversion.clif", "fcvt-sat-small.clif", "select-float.clif", "float-bitops.clif", "popcnt.clif",
            "bitselect.clif", "atomic-rmw-subword-little.clif", "atomic-cas.clif", "atomic-load-store.clif");
    /** Their run lines, all of which pass (2026-12-03). */
    private static final int FLOAT_AND_ATOMIC_PASSES = 2037;

    /**
     * NaN operands where AArch64's choice differs from the interpreter's: FMADD looks at the
     * addend first, and a signalling NaN wins over a quiet one before it.
     */
    private static final String NAN_CHOICES = """
            test run
            target aarch64

            function %fma(f64, f64, f64) -> f64 {
            block0(v0: f64, v1: f64, v2: f64):
                v3 = fma v0, v1, v2
                return v3
            }
            ; run: %fma(+NaN:0x1, 0x1.0p0, +NaN:0x2) == +NaN:0x1
            ; run: %fma(0x1.0p0, -NaN:0x3, +sNaN:0x2) == -NaN:0x3

            function %add(f32, f32) -> f32 {
            block0(v0: f32, v1: f32):
                v2 = fadd v0, v1
                return v2
            }
            ; run: %add(+NaN:0x1, +sNaN:0x2) == +NaN:0x1
            ; run: %add(0x1.0p0, -sNaN:0x2) == -NaN:0x2
            ; run: %add(+Inf, -Inf) == +NaN

            function %max(f64, f64) -> f64 {
            block0(v0: f64, v1: f64):
                v2 = fmax v0, v1
                return v2
            }
            ; run: %max(-NaN:0x5, +sNaN:0x6) == -NaN:0x5
            """;

    /**
     * Floats through AAPCS64: nine f64 arguments (the ninth on the stack), ten results (two in the
     * x8 return area), and f64 values live across calls (in the callee-saved d8-d15).
     */
    private static final String FLOAT_CALLS = """
            test run
            target aarch64

            function %g(f64, f32) -> f64 {
            block0(v0: f64, v1: f32):
                v2 = fpromote.f64 v1
                v3 = fadd v0, v2
                return v3
            }

            function %many(f64, f64, f64, f64, f64, f64, f64, f64, f64, f32, i64) -> f64, f32, f64, f64, f64, f64, f64, f64, f64, f64 {
            block0(v0: f64, v1: f64, v2: f64, v3: f64, v4: f64, v5: f64, v6: f64, v7: f64, v8: f64, v9: f32, v10: i64):
                v11 = fcvt_from_sint.f64 v10
                v12 = fadd v8, v11
                return v12, v9, v0, v1, v2, v3, v4, v5, v6, v7
            }

            ; run: %many(0x1.0p0, 0x2.0p0, 0x3.0p0, 0x4.0p0, 0x5.0p0, 0x6.0p0, 0x7.0p0, 0x8.0p0, 0x9.0p0, 0x1.0p-1, 3) == [0x1.8p3, 0x1.0p-1, 0x1.0p0, 0x2.0p0, 0x3.0p0, 0x4.0p0, 0x5.0p0, 0x6.0p0, 0x7.0p0, 0x8.0p0]

            function %live(f64, f64) -> f64 {
                fn0 = %g(f64, f32) -> f64
                fn1 = %many(f64, f64, f64, f64, f64, f64, f64, f64, f64, f32, i64) -> f64, f32, f64, f64, f64, f64, f64, f64, f64, f64
            block0(v0: f64, v1: f64):
                v2 = f32const 0x1.5p0
                v3 = call fn0(v0, v2)
                v4 = call fn0(v1, v2)
                v5 = fmul v3, v4
                v6 = fadd v5, v0
                v7 = fsub v6, v1
                v8 = iconst.i64 7
                v9, v10, v11, v12, v13, v14, v15, v16, v17, v18 = call fn1(v0, v1, v3, v4, v5, v6, v7, v0, v1, v2, v8)
                v19 = fpromote.f64 v10
                v20 = fadd v9, v19
                v21 = fadd v20, v18
                v22 = fadd v21, v11
                v23 = fadd v22, v7
                v24 = fadd v23, v3
                return v24
            }
            ; run: %live(0x1.0p0, 0x1.8p1) == 0x1.799p4
            """;

    private static void requireTools() {
        String missing = new CrossToolchain("aarch64").missing();
        if (missing != null) {
            System.out.println("NOT RUN: " + missing);
            Assumptions.abort(missing);
        }
    }

    private static Path conformance() {
        Path root = Path.of(System.getProperty("vex.shared", "../../shared"), "conformance", "clif");
        Assumptions.assumeTrue(Files.isDirectory(root), "NOT RUN: no conformance suite at " + root);
        return root;
    }

    private static TestReport run(CrossEngine engine, List<Path> paths, StringBuilder log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestReport report = new TestReport(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        new FileTestRunner(List.of(engine), report).runPaths(paths);
        log.append(out.toString(StandardCharsets.UTF_8));
        return report;
    }

    private static void runAll(CrossEngine engine, List<Path> paths, int passes, String what) {
        StringBuilder log = new StringBuilder();
        TestReport report = run(engine, paths, log);
        String text = log.toString();
        System.out.println("aarch64 " + what + ": " + report.summary());
        assertEquals(0, report.failed(), text);
        assertEquals(0, report.skipped(), text);
        assertTrue(report.passed() >= passes, report.summary() + "\n" + text);
    }

    @Test
    void integerConformanceFilesPassUnderQemu() {
        requireTools();
        Path root = conformance();
        runAll(new CrossEngine(new A64Target()), FILES.stream().map(root::resolve).toList(), PASSES,
                "conformance subset");
    }

    /** With NaN canonicalization, NaN results are compared bit for bit, so this checks the exact NaNs too. */
    @Test
    void floatAndAtomicConformanceFilesPassUnderQemuWithCanonicalNaNs() {
        requireTools();
        Path root = conformance();
        runAll(new CrossEngine(new A64Target(), true),
                FLOAT_AND_ATOMIC_FILES.stream().map(root::resolve).toList(), FLOAT_AND_ATOMIC_PASSES,
                "float and atomic subset, canonical NaNs");
    }

    @Test
    void floatArgumentsResultsAndValuesAcrossCallsPass(@TempDir Path dir) throws java.io.IOException {
        requireTools();
        Path file = dir.resolve("float-calls.clif");
        Files.writeString(file, FLOAT_CALLS);
        runAll(new CrossEngine(new A64Target(), true), List.of(file), 2, "float calls");
    }

    @Test
    void nanCanonicalizationGivesTheInterpretersNaNWhereTheHardwareChoosesAnother(@TempDir Path dir)
            throws java.io.IOException {
        requireTools();
        Path file = dir.resolve("nan-choices.clif");
        Files.writeString(file, NAN_CHOICES);
        runAll(new CrossEngine(new A64Target(), true), List.of(file), 6, "NaN choices, canonical NaNs");
        // Without it the NaNs are the hardware's; a written payload is still compared exactly, so
        // the four lines where AArch64 picks another operand's NaN fail: the fix-up is what passes them.
        StringBuilder log = new StringBuilder();
        TestReport hardware = run(new CrossEngine(new A64Target()), List.of(file), log);
        assertEquals(4, hardware.failed(), log::toString);
        assertEquals(2, hardware.passed(), log::toString);
    }
}
