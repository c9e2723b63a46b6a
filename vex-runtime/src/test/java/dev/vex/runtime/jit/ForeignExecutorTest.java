package dev.vex.runtime.jit;

import static dev.vex.runtime.jit.ElfLinkTest.onPath;
import static dev.vex.runtime.jit.ElfLinkTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.ir.Module;
import dev.vex.ir.TrapCode;
import dev.vex.text.ClifReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/foreign-executor}: Vex-compiled async code, awaiting C futures whose frames its
 * declarations state, runs to completion on an executor written in C that is not Vex's runtime,
 * with nothing of libvexrt linked in (only the shipped header, from {@code vex runtime
 * --extract}). Every line the program prints is checked against the interpreter, which runs the
 * same functions with the C futures modelled in IR ({@code futures-model.clif}). The C parts run
 * again under ThreadSanitizer.
 */
class ForeignExecutorTest {
    private static final Pattern RESULT = Pattern.compile("(\\w+)\\(([-\\d, ]*)\\) (?:= ([-\\d, ]+)|trapped (\\d+))");

    @Test
    void compiledAsyncCodeRunsOnAForeignExecutorWithoutLibvexrt(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("gcc") && onPath("nm"), "gcc or nm is not installed");
        Path example = Path.of(System.getProperty("vex.root", ".."), "examples", "foreign-executor");
        Path rt = dir.resolve("rt");
        RuntimeExtractTest.vex("runtime", "--extract", rt.toString());
        Path obj = dir.resolve("tasks.o");
        RuntimeExtractTest.vex("compile", "--target", "x64", "--no-runtime", "--no-preemption", "-o", obj.toString(),
                example.resolve("tasks.clif").toString());

        ElfLinkTest.Result undefined = run(List.of("nm", "-u", obj.toString()));
        assertEquals(0, undefined.exit(), undefined.output());
        Set<String> needed = new TreeSet<>();
        for (String line : undefined.output().strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            needed.add(f[0] + " " + f[1]);
        }
        assertEquals(Set.of("U delay_double", "U yield_now", "w vex_trap"), needed,
                "the object needs the C futures and, weakly, a trap exit: nothing else of the runtime");

        List<String> sources = new ArrayList<>();
        for (String c : List.of("main.c", "executor.c", "futures.c")) {
            sources.add(example.resolve(c).toString());
        }
        Path exe = dir.resolve("fx");
        compile(List.of("-O2"), exe, sources, obj, rt);
        ElfLinkTest.Result r = run(List.of(exe.toString()));
        assertEquals(0, r.exit(), r.output());
        checkAgainstInterpreter(r.output(), example);

        Path tsan = dir.resolve("fx-tsan");
        if (compileMaybe(List.of("-O1", "-g", "-fsanitize=thread"), tsan, sources, obj, rt)) {
            ElfLinkTest.Result t = run(List.of(tsan.toString()));
            assertEquals(0, t.exit(), t.output());
            assertFalse(t.output().contains("ThreadSanitizer"), t.output());
            assertEquals(r.output(), t.output());
        } else {
            System.out.println("ForeignExecutorTest: gcc cannot link -fsanitize=thread here; the TSan run is left out");
        }
    }

    private static void checkAgainstInterpreter(String output, Path example) throws Exception {
        String tasks = Files.readString(example.resolve("tasks.clif")).replaceAll(" frame \\d+ align \\d+", "");
        Module model = ClifReader.readModule(tasks + Files.readString(example.resolve("futures-model.clif")),
                "tasks+model.clif");
        Interpreter interp = new Interpreter(model);
        int lines = 0;
        for (String line : output.strip().split("\n")) {
            Matcher m = RESULT.matcher(line);
            assertTrue(m.matches(), "unexpected line: " + line);
            long[] args = longs(m.group(2));
            Outcome expected = interp.run(m.group(1), args);
            if (m.group(3) != null) {
                assertEquals(new Outcome.Returned(longs(m.group(3))), expected, line);
            } else {
                assertTrue(expected instanceof Outcome.Trapped, line + " vs " + expected);
                assertEquals(((Outcome.Trapped) expected).code(), TrapCode.fromNumber(Integer.parseInt(m.group(4))), line);
            }
            lines++;
        }
        assertEquals(43, lines, output);
    }

    private static long[] longs(String list) {
        return list.isBlank() ? new long[0]
                : Arrays.stream(list.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
    }

    private static void compile(List<String> flags, Path exe, List<String> sources, Path obj, Path rt) throws Exception {
        assertTrue(compileMaybe(flags, exe, sources, obj, rt), "gcc failed");
    }

    private static boolean compileMaybe(List<String> flags, Path exe, List<String> sources, Path obj, Path rt)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-pie", "-fPIE",
                "-Wl,--fatal-warnings", "-I" + rt.resolve("include"), "-o", exe.toString()));
        cmd.addAll(flags);
        cmd.addAll(sources);
        cmd.add(obj.toString());
        cmd.add("-pthread");
        ElfLinkTest.Result cc = run(cmd);
        if (cc.exit() != 0 && !flags.contains("-fsanitize=thread")) {
            throw new AssertionError(cmd + "\n" + cc.output());
        }
        return cc.exit() == 0;
    }
}
