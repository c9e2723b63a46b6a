package dev.vex.filetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.interp.InterpreterEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's own verdicts: what passes, what fails and with which line, what is skipped. */
class FileTestRunnerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TestReport report = new TestReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String run(String text) {
        new FileTestRunner(List.of(new InterpreterEngine()), report).runText(text, "t.clif");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void wrongExpectationFailsWithItsLineAndBothValues() {
        String out = run("""
                function %add(i32, i32) -> i32 {
                block0(v0: i32, v1: i32):
                    v2 = iadd v0, v1
                    return v2
                }
                ; run: %add(1, 2) == 3
                ; run: %add(1, 2) == 4
                ; run: %add(-1, 0) != -1
                """);
        assertEquals(1, report.passed());
        assertEquals(2, report.failed());
        assertTrue(out.contains("t.clif:7:1: run: %add(1, 2) == 4: expected 4, got 3"), out);
        assertTrue(out.contains("t.clif:8:1:"), out);
        assertFalse(report.sawMalformedInput());
    }

    @Test
    void aRunLineRunsTheFunctionItFollowsAndSaysSoWhenTheNameDiffers() {
        String out = run("""
                function %a(i8) -> i8 {
                block0(v0: i8):
                    v1 = iadd_imm v0, 1
                    return v1
                }

                function %b(i64) -> i64 {
                block0(v0: i64):
                    v1 = iadd_imm v0, 2
                    return v1
                }
                ; run: %a(64) == 66
                ; run: %a(-1) == 0
                """);
        // %b ran, its arguments read as i64: -1 + 2 == 1, not 0.
        assertEquals(1, report.passed());
        assertEquals(1, report.failed());
        assertTrue(out.contains("t.clif:12:1: note: the line names %a but follows %b, so it runs %b"), out);
        assertTrue(out.contains("t.clif:13:1: run: %a(-1) == 0 (ran %b): expected 0, got 1"), out);
        assertFalse(report.sawMalformedInput());
    }

    @Test
    void aRunLineWhoseArgumentsFitOnlyTheNamedFunctionIsLocated() {
        String out = run("""
                function %b(i8) -> i8 {
                block0(v0: i8):
                    return v0
                }

                async function %a(i64, i64) -> i64 {
                block0(v0: i64, v1: i64):
                    v2 = iadd v0, v1
                    return v2
                }
                ; run: %b(1) == 1
                """);
        assertTrue(out.contains("t.clif:11:1: the line runs %a, the function it follows, not %b: %a takes 2 arguments,"
                + " but the run line passes 1"), out);
        assertEquals(1, report.failed());
    }

    @Test
    void floatsCompareBitForBit() {
        run("""
                function %neg(f64) -> f64 {
                block0(v0: f64):
                    v1 = fneg v0
                    return v1
                }
                ; run: %neg(0x0.0) == -0x0.0
                ; run: %neg(0x0.0) == 0x0.0
                ; run: %neg(NaN:0x1) == -NaN:0x1
                """);
        assertEquals(2, report.passed());
        assertEquals(1, report.failed());
    }

    @Test
    void trapsAndMultipleResults() {
        String out = run("""
                function %divmod(i64, i64) -> i64, i64 {
                block0(v0: i64, v1: i64):
                    v2 = sdiv v0, v1
                    v3 = srem v0, v1
                    return v2, v3
                }
                ; run: %divmod(7, 2) == [3, 1]
                ; run: %divmod(7, 0) == [0, 0]
                """);
        assertEquals(1, report.passed());
        assertEquals(1, report.failed());
        assertTrue(out.contains("trapped with int_divz in %divmod"), out);
    }

    @Test
    void errorDirectivesPassOnlyWhenTheFunctionFailsWithTheirText() {
        String out = run("""
                function %bad(i32) -> i32 {
                block0(v0: i32):
                    v1 = iadd v0, v7
                    return v1
                }
                ; error: never defined

                function %good(i32) -> i32 {
                block0(v0: i32):
                    return v0
                }
                ; error: anything
                ; run: %good(5) == 5
                """);
        // A function under an error directive is not run, so %good's run line is not counted.
        assertEquals(1, report.passed(), out);
        assertEquals(1, report.failed(), out);
        assertTrue(out.contains("t.clif:12:1: expected an error containing 'anything', but %good reads and verifies"), out);
    }

    @Test
    void unsupportedFeaturesAreSkippedWithTheirReasonNeverPassed() {
        String out = run("""
                function %wide(i32x4) -> i32x4 {
                block0(v0: i32x4):
                    return v0
                }
                ; run: %wide(1) == 1
                ; run: %wide(2) == 2
                """);
        assertEquals(0, report.passed());
        assertEquals(2, report.skipped());
        assertTrue(out.contains("t.clif:1:1: skipped 2 checks: %wide uses vector type i32x4"), out);
    }

    @Test
    void wideValuesTakeTwoWordsAndPrintWhole() {
        String out = run("""
                function %mul(i128, i128) -> i128, i8 {
                block0(v0: i128, v1: i128):
                    v2 = imul v0, v1
                    v3 = icmp ult v2, v0
                    return v2, v3
                }
                ; run: %mul(0x1_0000_0000_0000_0001, 0x1_0000_0000) == [0x1_0000_0000_0000_0001_0000_0000, 0]
                ; run: %mul(-1, 3) == [-3, 1]
                ; run: %mul(-1, 3) == [-4, 1]
                """);
        assertEquals(2, report.passed(), out);
        assertTrue(out.contains("expected [-4, 1], got [-3, 1]"), out);
    }

    /** The interpreter, but declining the functions that use i128, as a native target may. */
    private static final class NoWideEngine implements dev.vex.exec.Engine {
        private final InterpreterEngine interp = new InterpreterEngine();

        @Override
        public String name() {
            return "interp";
        }

        @Override
        public String skipReason(List<String> targetIsas) {
            return null;
        }

        @Override
        public dev.vex.exec.LoadedModule load(dev.vex.ir.Module module) {
            return interp.load(module);
        }

        @Override
        public String skipReason(dev.vex.ir.Function function) {
            return dev.vex.ir.IrFeature.usedBy(function).contains(dev.vex.ir.IrFeature.I128)
                    ? "no i128 here" : null;
        }
    }

    @Test
    void functionsAnEngineDeclinesAreSkippedWithTheirCallers() {
        new FileTestRunner(List.of(new NoWideEngine()), report).runText("""
                function %wide(i64) -> i64 {
                block0(v0: i64):
                    v1 = uextend.i128 v0
                    v2 = ireduce.i64 v1
                    return v2
                }
                ; run: %wide(1) == 1

                function %caller(i64) -> i64 {
                    fn0 = %wide(i64) -> i64
                block0(v0: i64):
                    v1 = call fn0(v0)
                    return v1
                }
                ; run: %caller(2) == 2

                function %narrow(i64) -> i64 {
                block0(v0: i64):
                    return v0
                }
                ; run: %narrow(3) == 3
                """, "t.clif");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, report.passed(), out);
        assertEquals(2, report.skipped(), out);
        assertEquals(0, report.failed(), out);
        assertTrue(out.contains("skipped 1 check: %wide: no i128 here"), out);
        assertTrue(out.contains("skipped 1 check: %caller: calls %wide, which interp does not run: no i128 here"), out);
    }

    @Test
    void unverifiedFunctionsAreMalformedInput() {
        String out = run("""
                function %f(i32) -> i32 {
                block0(v0: i32):
                    v1 = iconst.i64 1
                    return v1
                }
                ; run: %f(1) == 1
                """);
        assertTrue(report.sawMalformedInput());
        assertEquals(1, report.failed(), out);
    }
}
