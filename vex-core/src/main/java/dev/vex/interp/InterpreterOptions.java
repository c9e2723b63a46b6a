package dev.vex.interp;

/**
 * Limits and choices of one {@link Interpreter}.
 *
 * @param stepLimit         instructions a run may execute (over all its tasks) before it gives
 *                          up with {@code Outcome.Failed}: a runaway test cannot hang the runner
 * @param callDepthLimit    frames one task may hold; one more call traps with {@code stk_ovf}
 * @param bigEndianDefault  the byte order of a memory access flagged neither {@code little} nor
 *                          {@code big}: false (little-endian) as on x86-64 and AArch64; true to
 *                          model a big-endian target such as {@code pulley32be}
 */
public record InterpreterOptions(long stepLimit, int callDepthLimit, boolean bigEndianDefault) {
    public static final long DEFAULT_STEP_LIMIT = 100_000_000L;
    public static final int DEFAULT_CALL_DEPTH_LIMIT = 10_000;

    public static final InterpreterOptions DEFAULTS =
            new InterpreterOptions(DEFAULT_STEP_LIMIT, DEFAULT_CALL_DEPTH_LIMIT, false);

    public InterpreterOptions {
        if (stepLimit <= 0) {
            throw new IllegalArgumentException("the step limit must be positive, not " + stepLimit);
        }
        if (callDepthLimit <= 0) {
            throw new IllegalArgumentException("the call-depth limit must be positive, not " + callDepthLimit);
        }
    }

    public InterpreterOptions withStepLimit(long limit) {
        return new InterpreterOptions(limit, callDepthLimit, bigEndianDefault);
    }

    public InterpreterOptions withCallDepthLimit(int limit) {
        return new InterpreterOptions(stepLimit, limit, bigEndianDefault);
    }

    public InterpreterOptions withBigEndianDefault(boolean big) {
        return new InterpreterOptions(stepLimit, callDepthLimit, big);
    }
}
