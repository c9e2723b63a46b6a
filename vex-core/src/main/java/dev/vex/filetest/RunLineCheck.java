package dev.vex.filetest;

import dev.vex.exec.Outcome;
import dev.vex.exec.ResultEquality;
import dev.vex.ir.Type;
import dev.vex.text.RunLine;
import dev.vex.text.ValueFormat;
import java.util.List;

/**
 * Decides whether what a call produced satisfies its run line, comparing bit for bit; for an
 * engine whose NaNs are not canonical, an expected plain {@code NaN} or {@code -NaN} (the
 * canonical payload) accepts any NaN, while a line that writes a payload ({@code NaN:0x1},
 * {@code sNaN:0x1}) still wants exactly those bits.
 */
final class RunLineCheck {
    private RunLineCheck() {
    }

    /**
     * Null if the outcome satisfies the line; otherwise what went wrong, in a few words.
     *
     * @param anyNaN the engine does not canonicalize NaNs (see {@link dev.vex.exec.Engine#canonicalNaNs()})
     */
    static String judge(RunLine run, List<Type> returns, Outcome outcome, boolean anyNaN) {
        if (outcome instanceof Outcome.Trapped t) {
            return "trapped with " + t.code() + " in %" + t.function();
        }
        if (outcome instanceof Outcome.Failed f) {
            return "failed: " + f.reason();
        }
        long[] actual = ((Outcome.Returned) outcome).values();
        long[] expected = run.expected().stream().mapToLong(Long::longValue).toArray();
        return switch (run.comparison()) {
            case EQUALS -> same(returns, expected, actual, anyNaN) ? null
                    : "expected " + ValueFormat.list(returns, expected) + ", got " + ValueFormat.list(returns, actual);
            case NOT_EQUALS -> !same(returns, expected, actual, anyNaN) ? null
                    : "expected anything but " + ValueFormat.list(returns, expected) + ", got it";
            case NON_ZERO -> actual.length > 0 && actual[0] != 0 ? null
                    : "expected a non-zero result, got " + ValueFormat.list(returns, actual);
            case NONE -> null;
        };
    }

    private static boolean same(List<Type> types, long[] expected, long[] actual, boolean anyNaN) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i] && !(anyNaN && i < types.size() && canonicalNaN(types.get(i), expected[i])
                    && ResultEquality.isNaN(types.get(i), actual[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A NaN whose payload is the quiet bit alone, of either sign: what {@code NaN} and {@code -NaN} read as. */
    private static boolean canonicalNaN(Type t, long bits) {
        if (t == Type.F64) {
            return (bits & Long.MAX_VALUE) == 0x7ff8_0000_0000_0000L;
        }
        return t == Type.F32 && (bits & 0x7fff_ffffL) == 0x7fc0_0000L;
    }
}
