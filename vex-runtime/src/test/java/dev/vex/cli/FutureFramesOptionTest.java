package dev.vex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vex compile --future-frames NAME=SIZE:ALIGN,...}: frames of C futures given on the command line. */
class FutureFramesOptionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vex(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path source(Path dir, String clause) throws Exception {
        Path p = dir.resolve("f.clif");
        Files.writeString(p, """
                async function %f(i64) -> i64 {
                    fn0 = async %my_future(i64) -> i64CLAUSE
                block0(v0: i64):
                    v1 = await fn0(v0)
                    return v1
                }
                """.replace("CLAUSE", clause));
        return p;
    }

    @Test
    void theOptionSuppliesFramesThatTheFileDoesNotState(@TempDir Path dir) throws Exception {
        Path unstated = source(dir, "");
        assertEquals(2, vex("compile", "--target", "x64", "--emit", "lowered", unstated.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("its frame size is unknown"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, vex("compile", "--target", "x64", "--emit", "lowered", "--future-frames", "other=8:8,my_future=48:16",
                unstated.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("callee frames, 48 bytes, align 16"), out.toString(StandardCharsets.UTF_8));

        Path stated = source(dir, " frame 64 align 8");
        assertEquals(0, vex("compile", "--target", "x64", "--emit", "lowered", "--future-frames", "my_future=48:16",
                stated.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("callee frames, 64 bytes, align 8"), "the clause wins");
    }

    @Test
    void badEntriesAreUsageErrors(@TempDir Path dir) throws Exception {
        Path f = source(dir, "");
        String[][] cases = {
            {"my_future=48", "NAME=SIZE:ALIGN"},
            {"my_future=x:8", "not a number"},
            {"my_future=4:8", "must be 8 to"},
            {"my_future=48:12", "power of two"},
            {"vex_sleep=80:8", "runtime builtin"},
            {"my_future=48:8,my_future=56:8", "twice"},
        };
        for (String[] c : cases) {
            assertEquals(2, vex("compile", "--target", "x64", "--emit", "lowered", "--future-frames", c[0], f.toString()), c[0]);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(c[1]), c[0] + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }
}
