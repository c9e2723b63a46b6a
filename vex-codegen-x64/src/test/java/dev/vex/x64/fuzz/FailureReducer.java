package dev.vex.x64.fuzz;

import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Type;
import dev.vex.ir.Value;
import dev.vex.text.ClifReader;
import dev.vex.verify.Verifier;
import dev.vex.backend.CompileOptions;
import dev.vex.x64.harness.Differential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a module on which one call differs between the interpreter and native code: replaces
 * instructions of the failing function by constants and deletes lines, keeping each change that
 * still reads, verifies and differs. A debugging aid for fuzz failures.
 */
final class FailureReducer {
    private static final Pattern DEF = Pattern.compile("^\\s+v(\\d+) = (\\S+)");

    private final CompileOptions target;
    private final String function;
    private final long[] args;
    private int tries;

    FailureReducer(CompileOptions target, String function, long[] args) {
        this.target = target;
        this.function = function;
        this.args = args;
    }

    String reduce(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
        boolean changed = true;
        for (int round = 0; round < 4 && changed && tries < 3000; round++) {
            changed = false;
            int[] range = bodyRange(lines);
            for (int i = range[1] - 1; i > range[0]; i--) {
                String line = lines.get(i);
                Matcher m = DEF.matcher(line);
                if (m.find() && !m.group(2).equals("iconst") && !m.group(2).endsWith("const")) {
                    Type t = typeOf(lines, Integer.parseInt(m.group(1)));
                    if (t != null) {
                        String c = t.isInt() ? "iconst." + t + " 0" : (t == Type.F32 ? "f32const" : "f64const") + " 0x1.0p0";
                        lines.set(i, "    v" + m.group(1) + " = " + c);
                        if (fails(lines)) {
                            changed = true;
                            continue;
                        }
                        lines.set(i, line);
                    }
                }
            }
            range = bodyRange(lines);
            for (int i = range[1] - 1; i > range[0]; i--) {
                String line = lines.get(i);
                String trimmed = line.trim();
                if (trimmed.startsWith("block") || trimmed.startsWith("return") || trimmed.startsWith("jump")
                        || trimmed.startsWith("brif") || trimmed.startsWith("br_table") || !line.startsWith(" ")) {
                    continue;
                }
                lines.remove(i);
                if (fails(lines)) {
                    changed = true;
                } else {
                    lines.add(i, line);
                }
            }
        }
        return String.join("\n", lines);
    }

    private int[] bodyRange(List<String> lines) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("function %" + function + "(")) {
                start = i;
            } else if (start >= 0 && lines.get(i).equals("}")) {
                return new int[] {start, i};
            }
        }
        throw new IllegalStateException("no function " + function);
    }

    private Type typeOf(List<String> lines, int number) {
        try {
            Module m = ClifReader.readModule(String.join("\n", lines), "reduce.clif");
            Function f = m.function(function);
            Value v = f.valueNumbered(number);
            return v == null ? null : v.type();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean fails(List<String> lines) {
        tries++;
        try {
            Module m = ClifReader.readModule(String.join("\n", lines), "reduce.clif");
            if (!Verifier.verify(m).isEmpty() || m.function(function) == null) {
                return false;
            }
            return !Differential.run(target, m, List.of(function), List.<long[]>of(args)).get(0).same();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
