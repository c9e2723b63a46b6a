package dev.vex.runtime.child;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates CLIF test files as an adversary would: extreme numbers, other types, opcodes, values
 * and blocks, lines deleted, doubled or swapped, huge stack slots, callees that are libc or the
 * runtime's internals, other targets, truncation, stray characters, async flipped, run lines
 * pointed elsewhere. Deterministic for a seed.
 */
final class ClifMutator {
    private static final String[] EXTREME_NUMBERS = {"0", "1", "-1", "7", "255", "65536", "2147483647", "2147483648",
        "4294967295", "4294967296", "1073741824", "9223372036854775807", "-9223372036854775808",
        "18446744073709551615", "1000000000", "0x7fffffff", "-2147483648"};
    private static final String[] TYPES = {"i8", "i16", "i32", "i64", "f32", "f64", "i128"};
    private static final String[] OPCODES = {"iadd", "isub", "imul", "udiv", "sdiv", "urem", "srem", "band", "bor",
        "bxor", "ishl", "ushr", "sshr", "rotl", "load", "store", "iconst", "icmp", "select", "call", "jump", "brif",
        "return", "trap", "stack_load", "stack_store", "stack_addr", "uextend", "sextend", "ireduce", "bitcast",
        "fadd", "fdiv", "sqrt", "fcvt_to_sint", "fcvt_from_uint", "await", "spawn", "func_addr", "call_indirect",
        "br_table", "iadd_imm", "popcnt", "clz", "bswap", "smulhi", "uadd_overflow_trap", "global_value"};
    private static final String[] SYMBOLS = {"exit", "abort", "malloc", "free", "puts", "vex_frame_free",
        "vex_frame_alloc", "vex_trap", "vex_spawn", "vex_stack_limit", "vex_join", "vex_detach", "vex_free",
        "vex_chan_close", "no_such_function", "vex_sleep", "vex_yield"};
    private static final String[] TARGETS = {"target pulley32", "target pulley64", "target aarch64",
        "target x86_64", "target s390x", "target riscv64", ""};
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_%.\\d])-?(0x[0-9a-fA-F_]+|\\d+)(?![A-Za-z_\\d])");
    private static final Pattern TYPE = Pattern.compile("\\b(i8|i16|i32|i64|i128|f32|f64)\\b");
    private static final Pattern OPCODE = Pattern.compile("(= |^\\s+)([a-z_]+[a-z0-9_]*)(?=[ .])");
    private static final Pattern VALUE = Pattern.compile("\\bv\\d+\\b");
    private static final Pattern BLOCK = Pattern.compile("\\bblock\\d+\\b");
    private static final Pattern CALLEE = Pattern.compile("(fn\\d+ = (?:colocated )?(?:async )?%)([A-Za-z_0-9]+)");
    private static final Pattern SLOT = Pattern.compile("explicit_slot \\d+");

    private final Random random;

    ClifMutator(long seed) {
        this.random = new Random(seed);
    }

    /** One to three mutations of {@code text}; the list says which, for the report. */
    String mutate(String text, List<String> applied) {
        String t = text;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int op = random.nextInt(16);
            applied.add(NAMES[op]);
            t = apply(op, t);
        }
        return t;
    }

    private static final String[] NAMES = {"number", "type", "opcode", "value", "block", "delete-line",
        "duplicate-line", "swap-lines", "huge-slot", "callee", "target", "truncate", "stray-char", "async-flip",
        "run-line", "number"};

    private String apply(int op, String t) {
        return switch (op) {
            case 0, 15 -> replaceOne(t, NUMBER, m -> pick(EXTREME_NUMBERS));
            case 1 -> replaceOne(t, TYPE, m -> pick(TYPES));
            case 2 -> replaceOne(t, OPCODE, m -> m.group(1) + pick(OPCODES));
            case 3 -> replaceOne(t, VALUE, m -> "v" + random.nextInt(40));
            case 4 -> replaceOne(t, BLOCK, m -> "block" + random.nextInt(12));
            case 5 -> editLines(t, (lines, i) -> lines.remove(i));
            case 6 -> editLines(t, (lines, i) -> lines.add(i, lines.get(i)));
            case 7 -> editLines(t, (lines, i) -> {
                int j = random.nextInt(lines.size());
                String a = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, a);
            });
            case 8 -> replaceOne(t, SLOT, m -> "explicit_slot " + pick(new String[] {"2147483647", "1073741824",
                "1073741825", "4294967295", "0", "65536"}));
            case 9 -> replaceOne(t, CALLEE, m -> m.group(1) + pick(SYMBOLS));
            case 10 -> t.replaceFirst("(?m)^target .*$", pick(TARGETS));
            case 11 -> t.substring(0, random.nextInt(t.length() + 1));
            case 12 -> {
                int at = random.nextInt(t.length() + 1);
                yield t.substring(0, at) + pick(new String[] {"{", "}", "(", ")", "%", "=", ",", "\u0000", "\u00e9",
                    "\n", ";", "\"", "-", "0x"}) + t.substring(at);
            }
            case 13 -> t.contains("async function") ? t.replaceFirst("async function", "function")
                    : t.replaceFirst("(?m)^function", "async function");
            case 14 -> replaceOne(t, Pattern.compile("; run: %[A-Za-z_0-9]+\\([^)]*\\)"),
                    m -> "; run: %" + pick(new String[] {"main", "f", "f0", "nope"}) + "(" + pick(EXTREME_NUMBERS) + ")");
            default -> t;
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String replaceOne(String text, Pattern p, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int k = random.nextInt(spans.size());
        m.reset();
        for (int i = 0; i <= k; i++) {
            m.find();
        }
        return text.substring(0, spans.get(k)[0]) + with.apply(m) + text.substring(spans.get(k)[1]);
    }

    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    private String editLines(String text, LineEdit edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) {
            return text;
        }
        edit.apply(lines, random.nextInt(lines.size()));
        return String.join("\n", lines);
    }
}
