package dev.vex.text;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vex.diag.VexException;
import dev.vex.ir.Function;
import dev.vex.ir.StructuralEquality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutated conformance files fed to the reader: whatever the input, nothing but a
 * {@link VexException} may come out, every error names file:line:column, and whatever does read
 * still prints and reads back identically.
 */
class ReaderFuzzTest {
    private static final long SEED = 0x5eed_c11fL;
    private static final int MUTANTS = 1200;
    private static final Pattern WORD = Pattern.compile("[^\\s(),\\[\\]{}:=]+");
    private static final Pattern NUMBER = Pattern.compile("-?(0x)?[0-9][0-9a-fA-F_.p]*");
    private static final Pattern TYPE = Pattern.compile("\\b(i8|i16|i32|i64|i128|f16|f32|f64|f128)\\b");
    /** Words of the forms beyond the core (atomics, tail calls, exceptions...), swapped among themselves. */
    private static final Pattern EXTENDED_WORD = Pattern.compile("\\b(add|sub|and|nand|or|xor|xchg|umin|umax|smin|smax"
            + "|little|big|aligned|atomic_load|atomic_store|atomic_rmw|atomic_cas|fence|call|return_call"
            + "|return_call_indirect|try_call|try_call_indirect|tail|throw)\\b");
    private static final String[] EXTENDED_WORDS = {"add", "nand", "xchg", "smax", "little", "big", "aligned",
        "atomic_load", "atomic_store", "atomic_rmw", "atomic_cas", "fence", "call", "return_call",
        "return_call_indirect", "try_call", "tail", "throw", "frobnicate"};
    private static final String[] TYPES = {"i8", "i16", "i32", "i64", "f32", "f64", "i128", "i33", "i32x4", "f16", "f128", "b1"};
    private static final String[] NUMBERS = {"0", "-1", "18446744073709551616", "0x", "0x1_0000_0000_0000_0000",
        "99999999999999999999999", "1e999", "0x1.0p99999", "NaN:0x", "sNaN:0x0", "-", "+", "0x1.8p", "0x.p1",
        "0x1.00000000000000001p0", "2147483648", "-2147483649", "0x0.0000000000001p-1074"};
    private static final String[] JUNK = {"(", ")", "{", "}", "[", "]", ",", ":", "=", ".", "-", "+", "%", ";",
        "!", "@", "#", "\t", "\u00e9", "->", "v", "block", "fn", "ss", "sig", "\n", "%%", "v999999999999"};

    @Test
    void mutantsOnlyEverRaiseLocatedVexExceptions() {
        List<Path> files = Conformance.clifFiles();
        List<String> texts = new ArrayList<>();
        for (Path p : files) {
            texts.add(Conformance.read(p));
        }
        Random rnd = new Random(SEED);
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int functionsRead = 0;
        int errors = 0;
        for (int i = 0; i < MUTANTS; i++) {
            int f = rnd.nextInt(texts.size());
            String text = texts.get(f);
            int rounds = 1 + rnd.nextInt(3);
            for (int r = 0; r < rounds; r++) {
                text = mutate(text, rnd);
            }
            String name = "mutant" + i + ".clif";
            ClifTestFile file;
            try {
                file = ClifReader.readTestFile(text, name);
            } catch (Throwable t) {
                throw new AssertionError("readTestFile threw on mutant " + i + " of " + files.get(f) + ":\n" + text, t);
            }
            for (ParseException e : file.fileErrors()) {
                errors++;
                checkLocated(e, name, text);
            }
            // Round-trip one function per mutant: every function of every file is covered by
            // ConformanceRoundTripTest already; here the point is the mutated ones.
            int pick = file.functions().isEmpty() ? -1 : rnd.nextInt(file.functions().size());
            for (int k = 0; k < file.functions().size(); k++) {
                FunctionEntry e = file.functions().get(k);
                for (RunLine r : e.runs()) {
                    if (r.error() != null) {
                        checkLocated(r.error(), name, text);
                    }
                }
                if (e.error() != null) {
                    errors++;
                    checkLocated(e.error(), name, text);
                    continue;
                }
                functionsRead++;
                if (k != pick) {
                    continue;
                }
                String printed = ClifPrinter.print(e.function());
                Function again = ClifReader.readFunction(printed, "printed.clif");
                assertNull(StructuralEquality.difference(e.function(), again), "mutant " + i + ":\n" + printed);
            }
            if (i % 8 == 0) {
                try {
                    ClifReader.readModule(text, name);
                } catch (VexException e) {
                    checkLocated(e, name, text);
                } catch (Throwable t) {
                    throw new AssertionError("readModule threw a non-Vex exception on mutant " + i + ":\n" + text, t);
                }
            }
        }
        long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("reader fuzz: %d mutants, %d errors, %d functions read, %d ms CPU%n", MUTANTS, errors,
                functionsRead, cpuMs);
        assertTrue(errors > MUTANTS / 2, "the mutations break things: " + errors + " errors");
        assertTrue(functionsRead > MUTANTS, "and much still reads: " + functionsRead);
    }

    @Test
    void pathologicalInputs() {
        String[] inputs = {
            "", "\n\n", ";", "function", "async", "async function", "function %", "function %f",
            "function %f(", "function %f() {", "function %f() {\nblock0:", "function %f() {\nblock0:\n return",
            "(".repeat(100_000), "{".repeat(100_000), "function %f(" + "i32, ".repeat(20_000) + ") {",
            "function %f() {\nblock0:\n" + "    v1 -> v2\n".repeat(2) + "}", "\u0000\u0001\uffff",
            "function %f() -> i32 {\nblock0:\n    v0 = iconst.i32 0x\n}", "test\nset\ntarget\n",
            "function %f() {\nblock0:\n    br_table v0, block0, [" + "block0, ".repeat(10_000) + "]\n}",
            "function %f(i32) {\nblock0(v0: i32):\n    v1 = iadd v0, v0\n    v2 = iadd v1, v1\n" + "    nop\n".repeat(1000) + "}",
        };
        for (String in : inputs) {
            ClifTestFile file = ClifReader.readTestFile(in, "p.clif");
            for (FunctionEntry e : file.functions()) {
                if (e.error() != null) {
                    checkLocated(e.error(), "p.clif", in);
                }
            }
            try {
                ClifReader.readModule(in, "p.clif");
            } catch (ParseException e) {
                checkLocated(e, "p.clif", in);
            }
        }
    }

    private static void checkLocated(VexException e, String name, String text) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + ":(\\d+):(\\d+): \\S").matcher(e.getMessage());
        if (!m.find()) {
            fail("error without file:line:column: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("internal error"), e.getMessage());
        int line = Integer.parseInt(m.group(1));
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        assertTrue(line >= 1 && line <= lines, "line " + line + " out of range in: " + e.getMessage());
    }

    private static String mutate(String text, Random rnd) {
        if (text.isEmpty()) {
            return text;
        }
        switch (rnd.nextInt(13)) {
            case 0 -> {
                return text.substring(0, rnd.nextInt(text.length()));
            }
            case 1 -> {
                int[] w = word(text, rnd);
                return w == null ? text : text.substring(0, w[0]) + text.substring(w[1]);
            }
            case 2 -> {
                int[] w = word(text, rnd);
                return w == null ? text : text.substring(0, w[1]) + " " + text.substring(w[0], w[1]) + text.substring(w[1]);
            }
            case 3 -> {
                int[] a = word(text, rnd);
                int[] b = word(text, rnd);
                if (a == null || b == null || a[0] == b[0]) {
                    return text;
                }
                if (a[0] > b[0]) {
                    int[] t = a;
                    a = b;
                    b = t;
                }
                if (a[1] > b[0]) {
                    return text;
                }
                return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                        + text.substring(a[0], a[1]) + text.substring(b[1]);
            }
            case 4, 5, 6 -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int i = rnd.nextInt(lines.size());
                int j = rnd.nextInt(lines.size());
                if (rnd.nextInt(3) == 0) {
                    lines.remove(i);
                } else if (rnd.nextBoolean()) {
                    lines.add(j, lines.get(i));
                } else {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                return String.join("\n", lines);
            }
            case 7 -> {
                return replaceNth(text, Pattern.compile("(?<== )[a-z_]+"), rnd, "frobnicate");
            }
            case 8 -> {
                return replaceNth(text, NUMBER, rnd, NUMBERS[rnd.nextInt(NUMBERS.length)]);
            }
            case 9 -> {
                return replaceNth(text, TYPE, rnd, TYPES[rnd.nextInt(TYPES.length)]);
            }
            case 10 -> {
                return replaceNth(text, Pattern.compile("[{}()\\[\\]]"), rnd, "");
            }
            case 11 -> {
                return replaceNth(text, EXTENDED_WORD, rnd, EXTENDED_WORDS[rnd.nextInt(EXTENDED_WORDS.length)]);
            }
            default -> {
                int at = rnd.nextInt(text.length() + 1);
                return text.substring(0, at) + JUNK[rnd.nextInt(JUNK.length)] + text.substring(at);
            }
        }
    }

    /** The bounds of a random word, or null. */
    private static int[] word(String text, Random rnd) {
        int start = rnd.nextInt(text.length());
        Matcher m = WORD.matcher(text);
        if (m.find(start) || m.find(0)) {
            return new int[] {m.start(), m.end()};
        }
        return null;
    }

    private static String replaceNth(String text, Pattern p, Random rnd, String replacement) {
        Matcher m = p.matcher(text);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
        }
        if (hits.isEmpty()) {
            return text;
        }
        int[] h = hits.get(rnd.nextInt(hits.size()));
        return text.substring(0, h[0]) + replacement + text.substring(h[1]);
    }
}
