package dev.vex.x64.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.verify.VerifierError;
import dev.vex.backend.CompileOptions;
import dev.vex.x64.harness.Differential;
import dev.vex.x64.harness.NativeHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random sync functions ({@link RandomModuleText}) run on the interpreter and natively, bit for
 * bit, half of the modules compiled with the host's CPU features and half with none (every
 * fallback path). {@code -Dvex.fuzz.count=N} sets the number of functions (default 2,000),
 * {@code -Dvex.fuzz.seed=S} the first seed.
 */
class DifferentialFuzzTest {
    private static final int FUNCTIONS_PER_MODULE = 12;
    private static final int CALLS_PER_FUNCTION = 3;

    private static void writeReduced(String text) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fuzz-reduced.clif"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void randomFunctionsMatchTheInterpreter() {
        fuzz(Integer.getInteger("vex.fuzz.count", 2000), Long.getLong("vex.fuzz.seed", 0x5eed), false);
    }

    /** As above with {@code i128} among the integer types ({@code -Dvex.fuzz.i128.count=N}, default 600). */
    @Test
    void randomFunctionsWithI128MatchTheInterpreter() {
        fuzz(Integer.getInteger("vex.fuzz.i128.count", 600), Long.getLong("vex.fuzz.seed", 0x5eed) + 0x128_0000L,
                true);
    }

    private static void fuzz(int count, long seed0, boolean withI128) {
        assumeTrue(NativeHarness.available(), "NOT RUN: gcc is needed to run native code");
        CompileOptions host = CompileOptions.DEFAULT;
        CompileOptions baseline = CompileOptions.AOT;
        int functions = 0;
        int calls = 0;
        int traps = 0;
        List<String> failures = new ArrayList<>();
        String reduced = null;
        java.util.Map<String, Integer> trapCodes = new java.util.TreeMap<>();
        for (long m = 0; functions < count; m++) {
            long seed = seed0 + m;
            // Host and baseline features alternate, each with NaN canonicalization on and off;
            // without it the module canonicalizes its NaNs in IR (see RandomModuleText).
            boolean canonicalNaNs = m % 4 < 2;
            RandomModuleText gen = new RandomModuleText(seed, !canonicalNaNs, withI128);
            for (int i = 0; i < FUNCTIONS_PER_MODULE; i++) {
                gen.function();
            }
            Module module = ClifReader.readModule(gen.text(), "fuzz-" + seed + ".clif");
            List<VerifierError> errors = Verifier.verify(module);
            assertEquals(List.of(), errors, "seed " + seed + " made IR that does not verify:\n" + gen.text());
            List<String> fns = new ArrayList<>();
            List<long[]> args = new ArrayList<>();
            for (RandomModuleText.Sig s : gen.signatures()) {
                for (int c = 0; c < CALLS_PER_FUNCTION; c++) {
                    fns.add(s.name());
                    args.add(gen.args(s));
                }
            }
            functions += gen.signatures().size();
            CompileOptions target = (m % 2 == 0 ? host : baseline).withNanCanonicalization(canonicalNaNs);
            for (Differential.Result res : Differential.run(target, module, fns, args)) {
                calls++;
                if (res.expected() instanceof dev.vex.exec.Outcome.Trapped t) {
                    traps++;
                    trapCodes.merge(t.code().toString(), 1, Integer::sum);
                }
                if (!res.same() && failures.size() < 10) {
                    failures.add("seed " + seed + " (" + target.cpu() + ", NaN canonicalization "
                            + target.nanCanonicalization() + "): " + res);
                    if (reduced == null) {
                        reduced = new FailureReducer(target, res.function(), res.args()).reduce(gen.text());
                        writeReduced(res + "\n" + reduced);
                    }
                }
            }
        }
        System.out.println("x64 differential fuzz" + (withI128 ? " with i128" : "") + ": " + functions + " functions, " + calls + " calls (" + traps
                + " trapping: " + trapCodes + "), " + failures.size() + " mismatches");
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\nfirst failure reduced:\n" + reduced);
    }
}
