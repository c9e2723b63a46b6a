package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.interp.InterpreterOptions;
import dev.vex.ir.Module;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskOutcome;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.Targets;
import dev.vex.text.ClifReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Task scopes ({@code %vex_scope_*}) on the interpreter against x64 on a 4-worker runtime: the
 * programs of {@code examples/scope.clif} (a scope of n tasks, scopes nested in the tasks of a
 * scope) with random sizes must agree; and, natively only, a scope stopped by a failing task or
 * by a cancel ({@code scope-stop.clif}), with the interpreter's answer for those checked too.
 */
class ScopeDifferentialTest {
    private static final int RUNS = Integer.getInteger("vex.scope.runs", 30);

    @Test
    void scopesAgreeWithTheInterpreter() throws IOException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Path file = Path.of(System.getProperty("vex.root", ".."), "examples", "scope.clif");
        Module module = ClifReader.readTestFile(Files.readString(file), file.toString()).module();
        Random random = new Random(3);
        try (VexRuntime rt = VexRuntime.create(4); NativeModule m = Vex.compile(module)) {
            for (int i = 0; i < RUNS; i++) {
                compare(module, m, rt, "squares", random.nextInt(1000));
                compare(module, m, rt, "nested", random.nextInt(60));
            }
            compare(module, m, rt, "cancel_after_done");
        }
    }

    @Test
    void aFailureOrACancelStopsTheScope() throws IOException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        String text;
        try (InputStream in = getClass().getResourceAsStream("scope-stop.clif")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Module module = ClifReader.readTestFile(text, "scope-stop.clif").module();
        try (VexRuntime rt = VexRuntime.create(2); NativeModule m = Vex.compile(module)) {
            for (long sleepers : new long[] {0, 1, 50}) {
                long t0 = System.nanoTime();
                TaskResult failed = rt.spawn(m.function("stop").descriptor(), sleepers, 0).join();
                assertEquals(TaskOutcome.COMPLETED, failed.outcome(), failed.toString());
                assertArrayEquals(new long[] {2, 256 + 7}, failed.values(), "the first failure, user7");
                TaskResult cancelled = rt.spawn(m.function("stop").descriptor(), sleepers, 1).join();
                assertArrayEquals(new long[] {1, 0}, cancelled.values(), "cancelled");
                // The sleepers of a minute were cancelled, not waited for.
                assertTrue(System.nanoTime() - t0 < 30_000_000_000L);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (rt.liveTasks() != 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(0, rt.liveTasks(), "every task of the scopes is gone");
        }
        // The interpreter ends a run at a trap; a cancelled scope cancels its running tasks there too.
        Outcome trapped = new Interpreter(module, InterpreterOptions.DEFAULTS).run("stop", new long[] {3, 0});
        assertTrue(trapped.toString().contains("user7"), trapped.toString());
        for (long sleepers : new long[] {0, 1, 3, 50}) {
            assertArrayEquals(new long[] {1, 0}, assertInstanceOf(Outcome.Returned.class,
                    new Interpreter(module, InterpreterOptions.DEFAULTS).run("stop", new long[] {sleepers, 1})).values(),
                    "cancelled with " + sleepers + " sleepers");
        }
    }

    private static void compare(Module module, NativeModule m, VexRuntime rt, String fn, long... args) {
        String what = "%" + fn + Arrays.toString(args);
        Outcome want = new Interpreter(module, InterpreterOptions.DEFAULTS).run(fn, args);
        Outcome.Returned w = assertInstanceOf(Outcome.Returned.class, want, what + ": " + want);
        TaskResult got = rt.spawn(m.function(fn).descriptor(), args).join();
        assertEquals(TaskOutcome.COMPLETED, got.outcome(), what + ": " + got);
        assertArrayEquals(w.values(), got.values(), what);
    }
}
