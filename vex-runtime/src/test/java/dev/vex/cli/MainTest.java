package dev.vex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool as a user meets it: exit codes, one-line errors with locations, result lines. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vex(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runPrintsResultsAsRunLines() throws IOException {
        Path p = file("sq.clif", """
                function %sq(i64) -> i64 {
                block0(v0: i64):
                    v1 = imul v0, v0
                    return v1
                }
                ; run: %sq(-3) == 9
                """);
        assertEquals(0, vex("run", p.toString(), "%sq(12)"));
        assertEquals("%sq(12) == 144\n", out());
        out.reset();
        assertEquals(0, vex("run", p.toString()));
        assertEquals("%sq(-3) == 9\n", out());
    }

    @Test
    void benchWithoutTheBenchmarksOnTheClassPathSaysHowToRunIt() {
        // vex-runtime's tests do not see vex-bench; the launcher adds it for `vex bench`
        assertEquals(2, vex("bench", "--quick"));
        assertTrue(err().contains("./vex launcher"), err());
        assertEquals("", out());
    }

    @Test
    void runsTheExamplePipeline() {
        Path example = Path.of(System.getProperty("vex.root"), "examples", "pipeline.clif");
        assertEquals(0, vex("run", example.toString()), err());
        assertTrue(out().contains("%main(10) == [0, 580]"), out());
    }

    @Test
    void runTakesTheWorkerCountOfTheRuntime() {
        Path example = Path.of(System.getProperty("vex.root"), "examples", "pipeline.clif");
        assertEquals(0, vex("run", "--workers", "1", example.toString()), err());
        assertTrue(out().contains("%main(10) == [0, 580]"), out());
        assertEquals(0, vex("run", "--workers=3", example.toString(), "%main(10)"), err());
        assertEquals(2, vex("run", "--workers", "0", example.toString()));
        assertTrue(err().contains("--workers takes a whole number of at least 1"), err());
    }

    @Test
    void malformedInputIsOneLocatedLineAndExitTwo() throws IOException {
        String[] bad = {
            "function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = iadd v0, 0x\n    return v1\n}\n",
            "function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = frobnicate v0\n    return v1\n}\n",
            "function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = iconst.i64 1\n    return v1\n}\n",
            "function %f(i32) -> i32 {\nblock0(v0: i32):\n",
            "function %f(i32) -> i32 {\nblock0(v0: i32):\n    v1 = iconst.i32 99999999999999999999999\n    return v1\n}\n",
        };
        for (String text : bad) {
            err.reset();
            Path p = file("bad.clif", text);
            assertEquals(2, vex("run", p.toString(), "%f(1)"), text);
            String msg = err();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("vex: " + p + ":"), msg);
            assertTrue(msg.matches("(?s)vex: .*bad\\.clif:\\d+:\\d+: .*"), msg);
        }
    }

    @Test
    void testCommandCountsAndExitCodes() throws IOException {
        Path ok = file("ok.clif", "function %f() -> i8 {\nblock0:\n    v0 = iconst.i8 1\n    return v0\n}\n; run\n");
        assertEquals(0, vex("test", ok.toString()));
        assertTrue(out().endsWith("1 passed, 0 failed, 0 skipped\n"), out());
        out.reset();
        Path wrong = file("wrong.clif", "function %f() -> i8 {\nblock0:\n    v0 = iconst.i8 0\n    return v0\n}\n; run\n");
        assertEquals(1, vex("test", wrong.toString()));
        assertTrue(out().contains("wrong.clif:6:1:"), out());
        assertTrue(out().endsWith("0 passed, 1 failed, 0 skipped\n"), out());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertEquals(2, vex("frobnicate"));
        assertEquals(2, vex("test"));
        assertEquals(2, vex("test", "--target", "sparc", "x.clif"));
        assertEquals(2, vex("test", dir.resolve("missing.clif").toString()));
        assertTrue(err().lines().allMatch(l -> l.startsWith("vex: ")), err());
    }

    @Test
    void runRefusesAFileWhoseTargetLinesLeaveOutTheEngine() throws IOException {
        Path p = file("p32.clif", """
                test run
                target pulley32

                function %f() -> i32 {
                block0:
                    v0 = iconst.i32 7
                    return v0
                }
                ; run: %f() == 7
                """);
        assertEquals(2, vex("run", "--target", "x64", p.toString()));
        assertTrue(err().startsWith("vex: " + p + ": cannot run on x64: the file targets only pulley32"), err());
        assertEquals("", out());
        err.reset();
        assertEquals(0, vex("run", "--target", "interp", p.toString()), err());
        assertEquals("%f() == 7\n", out());
    }

    @Test
    void runRunsTheFunctionARunLineFollows() throws IOException {
        Path p = file("follow.clif", """
                function %a(i64) -> i64 {
                block0(v0: i64):
                    return v0
                }

                function %b(i64) -> i64 {
                block0(v0: i64):
                    v1 = iadd_imm v0, 2
                    return v1
                }
                ; run: %a(1) == 3
                """);
        assertEquals(0, vex("run", "--target", "x64", p.toString()), err());
        assertEquals("%b(1) == 3\n", out());
    }

    /** libc is not linked: the JIT and the interpreter both refuse the call, naming it. */
    @Test
    void aCallToLibcFailsWithItsNameOnEveryEngine() throws IOException {
        Path p = file("exit.clif", """
                test run
                function %main() -> i32 {
                    fn0 = %exit(i32) system_v
                block0:
                    v0 = iconst.i32 7
                    call fn0(v0)
                    v1 = iconst.i32 1
                    return v1
                }
                ; run: %main() == 1
                """);
        for (String target : new String[] {"interp", "x64"}) {
            out.reset();
            assertEquals(1, vex("test", "--target", target, p.toString()), target);
            assertTrue(out().contains("exit.clif:10:1: run: %main() == 1: failed: ") && out().contains(
                    "%main calls %exit, which is neither in the module nor a runtime builtin"), out());
            assertTrue(out().endsWith("0 passed, 1 failed, 0 skipped\n"), out());
        }
    }

    @Test
    void internalErrorsAreOneLine() {
        Throwable e = new IllegalStateException("bad\nstate", new OutOfMemoryError("Java heap space"));
        assertEquals("IllegalStateException: bad state; caused by OutOfMemoryError: Java heap space",
                InternalErrorReport.describe(e));
    }
}
