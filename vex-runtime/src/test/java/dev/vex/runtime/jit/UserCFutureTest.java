package dev.vex.runtime.jit;

import static dev.vex.runtime.jit.ElfLinkTest.onPath;
import static dev.vex.runtime.jit.ElfLinkTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Module;
import dev.vex.runtime.HostSymbols;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.text.ClifReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/c-future}: compiled code awaits a user-written C future, whose frame its IR
 * declaration states, on Vex's runtime — ahead of time from a C program linked against the
 * extracted runtime, and in the JIT, with the future's address given through
 * {@link HostSymbols}. The future finishes on a thread of its own and wakes the task with
 * {@code vex_task_wake}. Results are checked against the interpreter running the same program
 * with the future modelled in IR ({@code model.clif}).
 */
class UserCFutureTest {
    private static final Pattern LINE = Pattern.compile("fan_out\\((\\d+)\\) = (-?\\d+)");
    private static Path example;
    private static Interpreter interpreter;

    @BeforeAll
    static void model() throws Exception {
        example = Path.of(System.getProperty("vex.root", ".."), "examples", "c-future");
        String program = Files.readString(example.resolve("program.clif")).replaceAll(" frame \\d+ align \\d+", "");
        interpreter = new Interpreter(ClifReader.readModule(program + Files.readString(example.resolve("model.clif")),
                "program+model.clif"));
    }

    private static long expected(long n) {
        Outcome o = interpreter.run("fan_out", new long[] {n});
        assertTrue(o instanceof Outcome.Returned, o.toString());
        return ((Outcome.Returned) o).values()[0];
    }

    @Test
    void aheadOfTimeFromC(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gcc"), "gcc is not installed");
        Path rt = dir.resolve("rt");
        String cflags = RuntimeExtractTest.vex("runtime", "--extract", rt.toString(), "--cflags").strip();
        String libs = RuntimeExtractTest.vex("runtime", "--extract", rt.toString(), "--libs", "--static").strip();
        Path obj = dir.resolve("program.o");
        RuntimeExtractTest.vex("compile", "--target", "x64", "-o", obj.toString(), example.resolve("program.clif").toString());
        Path exe = dir.resolve("program");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-pie",
                "-fPIE", "-Wl,--fatal-warnings", cflags, "-o", exe.toString(), example.resolve("main.c").toString(),
                example.resolve("thread_double.c").toString(), obj.toString()));
        cmd.addAll(List.of(libs.split(" ")));
        ElfLinkTest.Result cc = run(cmd);
        assertEquals(0, cc.exit(), cmd + "\n" + cc.output());
        ElfLinkTest.Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit(), r.output());
        int lines = 0;
        for (String line : r.output().strip().split("\n")) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(expected(Long.parseLong(m.group(1))), Long.parseLong(m.group(2)), line);
            lines++;
        }
        assertEquals(5, lines, r.output());
    }

    @Test
    void inTheJit(@TempDir Path dir) throws Exception {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        assumeTrue(onPath("gcc"), "gcc is not installed");
        Path rt = dir.resolve("rt");
        RuntimeExtractTest.vex("runtime", "--extract", rt.toString());
        Path so = dir.resolve("libthread_double.so");
        // vex_task_ref/vex_task_wake stay undefined: they bind to the libvexrt the JVM loaded (JNA opens it RTLD_GLOBAL).
        ElfLinkTest.Result cc = run(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-O2", "-shared", "-fPIC",
                "-I" + rt.resolve("include"), "-o", so.toString(), example.resolve("thread_double.c").toString(), "-pthread"));
        assertEquals(0, cc.exit(), cc.output());
        try (VexRuntime runtime = VexRuntime.create(2)) {
            NativeLibrary lib = NativeLibrary.getInstance(so.toString());
            long address = Pointer.nativeValue(lib.getFunction("thread_double"));
            Module program = ClifReader.readModule(Files.readString(example.resolve("program.clif")), "program.clif");
            try (NativeModule module = Vex.compile(program, new HostSymbols().define("thread_double", address))) {
                for (long n : new long[] {0, 1, 7, 40, 64}) {
                    assertEquals(expected(n), runtime.blockOn(module.function("fan_out"), n), "fan_out(" + n + ")");
                }
            }
        }
    }
}
