package dev.vex.filetest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vex.diag.VexException;
import dev.vex.exec.Outcome;
import dev.vex.interp.Interpreter;
import dev.vex.interp.InterpreterOptions;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.text.ClifTestFile;
import dev.vex.text.FunctionEntry;
import dev.vex.text.RunLine;
import dev.vex.verify.Verifier;
import dev.vex.verify.VerifierError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated conformance files through the whole front of the pipeline: reader, verifier and
 * interpreter. Whatever the input, the reader and verifier raise nothing but Vex's own error
 * types, every verifier error names its function and rule, and a module that verifies runs to an
 * {@link Outcome} (results, a trap, or a failure such as the step limit) without throwing.
 */
class PipelineFuzzTest {
    private static final long SEED = 0xf022_5eedL;
    private static final int MUTANTS = 1500;
    private static final String[] OPCODES = {"iadd", "isub", "imul", "udiv", "sdiv", "band", "ishl", "sshr", "rotl",
        "icmp eq", "fadd", "fdiv", "fmin", "select", "uextend.i64", "ireduce.i8", "bitcast.f32", "load.i64",
        "store", "call fn0", "await fn0", "jump block1", "brif", "return", "trap user1", "sqrt", "popcnt"};

    @Test
    void mutantsNeverEscapeAsAnythingButVexErrorsOrOutcomes() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedSuite.conformance())) {
            for (Path p : files.filter(p -> p.toString().endsWith(".clif")).sorted().toList()) {
                String text = Files.readString(p);
                // Files of features Vex does not read yet would only be rejected whole: mutate the rest.
                if (ClifReader.readTestFile(text, p.toString()).functions().stream().noneMatch(FunctionEntry::isUnsupported)) {
                    texts.add(text);
                }
            }
        }
        Random rnd = new Random(SEED);
        InterpreterOptions options = InterpreterOptions.DEFAULTS.withStepLimit(20_000).withCallDepthLimit(200);
        int verified = 0;
        int rejected = 0;
        int runs = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String text = texts.get(rnd.nextInt(texts.size()));
            for (int r = 1 + rnd.nextInt(2); r > 0; r--) {
                text = mutateLine(text, rnd);
            }
            String name = "mutant" + i + ".clif";
            try {
                ClifTestFile file = ClifReader.readTestFile(text, name);
                Module module = file.module();
                List<VerifierError> errors = Verifier.verify(module);
                for (VerifierError e : errors) {
                    assertTrue(e.function() != null && e.rule() != null && !e.message().isBlank(), e.toString());
                }
                if (!errors.isEmpty()) {
                    rejected++;
                    continue;
                }
                verified++;
                Interpreter interpreter = new Interpreter(module, options);
                for (FunctionEntry entry : file.functions()) {
                    Function fn = entry.function();
                    for (RunLine run : entry.runs()) {
                        if (fn != null && run.isValid() && run.args().size() == fn.signature().params().size()) {
                            long[] args = run.args().stream().mapToLong(Long::longValue).toArray();
                            Outcome outcome = interpreter.run(fn.name(), args);
                            assertTrue(outcome != null);
                            runs++;
                        }
                    }
                }
            } catch (VexException e) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError(name + " escaped with " + t + ":\n" + text, t);
            }
        }
        System.out.printf("pipeline fuzz: %d mutants, %d verified (%d runs), %d rejected%n", MUTANTS, verified, runs,
                rejected);
        assertTrue(verified > MUTANTS / 10, "enough mutants verify to exercise the interpreter: " + verified);
        assertTrue(rejected > MUTANTS / 10, "enough mutants are rejected to exercise the errors: " + rejected);
    }

    /** A small, plausible edit to one line of an instruction: the kind that survives the reader. */
    private static String mutateLine(String text, Random rnd) {
        String[] lines = text.split("\n", -1);
        for (int attempt = 0; attempt < 20; attempt++) {
            int k = rnd.nextInt(lines.length);
            String line = lines[k];
            if (!line.startsWith("    ") || line.trim().startsWith(";")) {
                continue;
            }
            switch (rnd.nextInt(6)) {
                case 0 -> lines[k] = line.replaceFirst("v(\\d+)", "v" + rnd.nextInt(12));
                case 1 -> lines[k] = line.replaceFirst("= [a-z_]+(\\.[a-z0-9]+)?", "= " + OPCODES[rnd.nextInt(OPCODES.length)]);
                case 2 -> lines[k] = line.replaceFirst("\\b(i8|i16|i32|i64|f32|f64)\\b",
                        new String[] {"i8", "i16", "i32", "i64", "f32", "f64"}[rnd.nextInt(6)]);
                case 3 -> lines[k] = line.replaceFirst("block(\\d+)", "block" + rnd.nextInt(6));
                case 4 -> {
                    int other = rnd.nextInt(lines.length);
                    lines[k] = lines[other];
                    lines[other] = line;
                }
                default -> lines[k] = "";
            }
            break;
        }
        return String.join("\n", lines);
    }
}
