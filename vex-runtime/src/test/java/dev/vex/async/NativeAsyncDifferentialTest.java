package dev.vex.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.interp.InterpreterOptions;
import dev.vex.ir.Opcode;
import dev.vex.ir.Type;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.TaskOutcome;
import dev.vex.runtime.TaskResult;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexRuntime;
import dev.vex.runtime.jit.Targets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of async code: random async modules ({@link RandomAsyncModule}, from
 * vex-core's tests: ready and pending callees, yields, sleeps, boxed recursion, spawns and joins,
 * channels, loops and branches across awaits, stack slots, floats and narrow integers, many values
 * live across each await; in the odd-seeded modules also awaits and spawns of function values,
 * in the even-seeded ones selects over two channels (with deadlines) and task scopes) run on the
 * interpreter and compiled for x64 as tasks on a 2-worker C
 * runtime; results must agree bit for bit. {@code -Dvex.async.nativePrograms=N} sets the count.
 */
class NativeAsyncDifferentialTest {
    private static final int PROGRAMS = Integer.getInteger("vex.async.nativePrograms", 300);
    private static final long FIRST_SEED = Long.getLong("vex.async.nativeFirstSeed", 1);

    @Test
    void randomAsyncModulesAgreeWithTheInterpreter() {
        assumeTrue("x64".equals(Targets.hostName()), "x64 code runs on an x86-64 host only");
        int asyncFunctions = 0;
        int functionValueUses = 0;
        int selects = 0;
        int scopes = 0;
        long compileNanos = 0;
        try (VexRuntime rt = VexRuntime.create(2)) {
            for (long seed = FIRST_SEED; seed < FIRST_SEED + PROGRAMS; seed++) {
                // Odd seeds also await and spawn function values; even ones select and use scopes.
                RandomAsyncModule.Program p = seed % 2 == 0 ? RandomAsyncModule.generateWithSelectsAndScopes(seed)
                        : RandomAsyncModule.generateWithFunctionValues(seed);
                String text = p.module().toString();
                selects += text.contains("%vex_select") ? 1 : 0;
                scopes += text.contains("%vex_scope_join") ? 1 : 0;
                Outcome want = new Interpreter(p.module(), InterpreterOptions.DEFAULTS.withStepLimit(20_000_000L))
                        .run("f0", p.args());
                Outcome.Returned w = assertInstanceOf(Outcome.Returned.class, want, "seed " + seed + ": " + want);
                long t0 = System.nanoTime();
                try (NativeModule m = Vex.compile(p.module())) {
                    compileNanos += System.nanoTime() - t0;
                    TaskResult got = rt.spawn(m.function("f0").descriptor(), p.args()).join();
                    String what = "seed " + seed + " %f0" + Arrays.toString(p.args());
                    assertEquals(TaskOutcome.COMPLETED, got.outcome(), what + ": " + got + "\n" + p.module());
                    List<Type> types = p.module().function("f0").signature().returns().stream().map(r -> r.type()).toList();
                    assertEquals(show(w.values(), types), show(got.values(), types), what + "\n" + p.module());
                    asyncFunctions += (int) p.module().functions().stream().filter(f -> f.isAsync()).count();
                    functionValueUses += (int) p.module().functions().stream().flatMap(f -> f.instructions().stream())
                            .filter(i -> i.opcode() == Opcode.AWAIT_INDIRECT || i.opcode() == Opcode.SPAWN_INDIRECT).count();
                }
            }
            System.out.printf("native async differential: %d random modules agree with the interpreter "
                    + "(%d async functions, %d awaits and spawns of function values; compile %.1f ms in all); live tasks"
                    + " at the end: %d%n", PROGRAMS, asyncFunctions, functionValueUses, compileNanos / 1e6, rt.liveTasks());
        }
        assertTrue(asyncFunctions >= 2 * PROGRAMS, "every module has async functions");
        assertTrue(functionValueUses >= PROGRAMS / 2, "too few awaits of function values: " + functionValueUses);
        System.out.printf("native async differential: %d modules with selects, %d with task scopes%n", selects, scopes);
        // Half the modules may select and use scopes.
        assertTrue(selects >= PROGRAMS / 20 && scopes >= PROGRAMS / 40, selects + " selects, " + scopes + " scopes");
    }

    /** The results as text, NaNs of either engine shown as NaN (their payload is not specified). */
    private static String show(long[] bits, List<Type> types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < bits.length; i++) {
            Type t = types.get(i);
            boolean nan = t == Type.F64 ? Double.isNaN(Double.longBitsToDouble(bits[i]))
                    : t == Type.F32 && Float.isNaN(Float.intBitsToFloat((int) bits[i]));
            sb.append(i == 0 ? "" : ", ").append(nan ? "NaN" : "0x" + Long.toHexString(bits[i]));
        }
        return sb.append(']').toString();
    }
}
