package dev.vex.cli;

import static dev.vex.x64.asm.Gpr.*;
import static dev.vex.x64.asm.Mem.mem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.compile.Target;
import dev.vex.runtime.jit.HandTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vex compile}, with hand-written code standing in for the x64 compiler. */
class CompileCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final HandTarget hand = new HandTarget(Map.of("add", a -> a.lea(RAX, mem(RDI, RSI, 1, 0)).ret()));
    private final Function<String, Target> targets = name -> hand;

    private Path source() throws IOException {
        Path p = dir.resolve("add.clif");
        Files.writeString(p, """
                function %add(i64, i64) -> i64 {
                block0(v0: i64, v1: i64):
                    v2 = iadd v0, v1
                    return v2
                }
                """);
        return p;
    }

    private int compile(String... args) {
        return CompileCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), targets);
    }

    @Test
    void writesAnElfObjectBesideTheSourceOrWhereToldTo() throws IOException {
        Path src = source();
        assertEquals(0, compile("--target", "x64", src.toString()));
        byte[] obj = Files.readAllBytes(dir.resolve("add.o"));
        assertArrayEquals(new byte[] {0x7F, 'E', 'L', 'F'}, Arrays.copyOf(obj, 4));
        assertEquals(1, obj[16]); // ET_REL
        String text = new String(obj, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("add$array") && text.contains(".rela.text"));

        Path elsewhere = dir.resolve("other.o");
        assertEquals(0, compile("--emit", "obj", "-o", elsewhere.toString(), src.toString()));
        assertArrayEquals(obj, Files.readAllBytes(elsewhere));
    }

    @Test
    void asmPrintsTheListing() throws IOException {
        assertEquals(0, compile("--emit=asm", source().toString()));
        assertEquals("%add: hand-written\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badCommandLinesAreUsageErrors() throws IOException {
        Path src = source();
        assertTrue(assertThrows(UsageException.class, () -> compile("--emit", "exe", src.toString()))
                .getMessage().contains("--emit takes ir, lowered, vcode, regalloc, asm, obj"));
        assertTrue(assertThrows(UsageException.class, () -> compile("--target", "interp", src.toString()))
                .getMessage().contains("unknown target 'interp'"));
        assertThrows(UsageException.class, () -> compile());
        assertThrows(UsageException.class, () -> compile("-o"));
        assertThrows(UsageException.class, () -> compile(dir.resolve("missing.clif").toString()));
    }

    @Test
    void theToolRoutesCompileAndReportsBadInputWithExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"compile", "--emit", "exe", "x.clif"}, new PrintStream(out),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--emit takes ir, lowered, vcode, regalloc, asm, obj"));
    }
}
