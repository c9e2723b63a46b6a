package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code %vex_select} on the interpreter against x64 on a 4-worker runtime: the programs of
 * {@code examples/select.clif} (mergers racing over two channels for values that spreaders
 * send on whichever channel takes them, with deadlines that race the peers natively; the
 * deadline forms; closed channels and fairness) with random sizes, capacities and deadlines.
 * Which task gets which value differs between the engines; the totals must not.
 */
class SelectDifferentialTest {
    private static final int RUNS = Integer.getInteger("vex.select.runs", 40);

    @Test
    void selectsAgreeWithTheInterpreter() throws IOException {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        Path file = Path.of(System.getProperty("vex.root", ".."), "examples", "select.clif");
        Module module = ClifReader.readTestFile(Files.readString(file), file.toString()).module();
        Random random = new Random(15);
        try (VexRuntime rt = VexRuntime.create(4); NativeModule m = Vex.compile(module)) {
            for (int i = 0; i < RUNS; i++) {
                long n = 1 + random.nextInt(400);
                long capacity = random.nextInt(4);
                long[] timeouts = {-1, 1, 1000, 50_000};
                long timeout = timeouts[random.nextInt(timeouts.length)];
                compare(module, m, rt, "race", n, capacity, timeout);
            }
            compare(module, m, rt, "timeouts", 1);
            compare(module, m, rt, "timeouts", 3);
            compare(module, m, rt, "closed_and_fair", 50);
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
