package dev.vex.runtime;

import java.util.Arrays;

/**
 * A finished task: its outcome and its results as 64-bit patterns (result 0 is the resume
 * function's value, the others come from the frame's result slots).
 */
public record TaskResult(TaskOutcome outcome, long[] values) {
    /** Keeps a copy of {@code values}. */
    public TaskResult {
        values = values.clone();
    }

    /** Result {@code i}'s bits. */
    public long value(int i) {
        return values[i];
    }

    /** A copy of the result bit patterns. */
    @Override
    public long[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return outcome + Arrays.toString(values);
    }
}
