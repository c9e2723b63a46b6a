package dev.vex.filetest;

import dev.vex.exec.Outcome;
import dev.vex.ir.Type;
import dev.vex.text.RunLine;
import dev.vex.text.ValueFormat;
import java.util.Arrays;
import java.util.List;

/** Decides whether what a call produced satisfies its run line, comparing bit for bit. */
final class RunLineCheck {
    private RunLineCheck() {
    }

    /** Null if the outcome satisfies the line; otherwise what went wrong, in a few words. */
    static String judge(RunLine run, List<Type> returns, Outcome outcome) {
        if (outcome instanceof Outcome.Trapped t) {
            return "trapped with " + t.code() + " in %" + t.function();
        }
        if (outcome instanceof Outcome.Failed f) {
            return "failed: " + f.reason();
        }
        long[] actual = ((Outcome.Returned) outcome).values();
        long[] expected = run.expected().stream().mapToLong(Long::longValue).toArray();
        return switch (run.comparison()) {
            case EQUALS -> Arrays.equals(actual, expected) ? null
                    : "expected " + ValueFormat.list(returns, expected) + ", got " + ValueFormat.list(returns, actual);
            case NOT_EQUALS -> !Arrays.equals(actual, expected) ? null
                    : "expected anything but " + ValueFormat.list(returns, expected) + ", got it";
            case NON_ZERO -> actual.length > 0 && actual[0] != 0 ? null
                    : "expected a non-zero result, got " + ValueFormat.list(returns, actual);
            case NONE -> null;
        };
    }
}
