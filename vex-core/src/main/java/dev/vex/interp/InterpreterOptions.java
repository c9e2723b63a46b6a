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
 * @param ioWaitLimitMillis how long a run may wait in real time for a socket when no task is
 *                          runnable and no timer pending, before it fails: a peer that never
 *                          answers cannot hang the run
 */
public record InterpreterOptions(long stepLimit, int callDepthLimit, boolean bigEndianDefault, long ioWaitLimitMillis) {
    public static final long DEFAULT_STEP_LIMIT = 100_000_000L;
    public static final int DEFAULT_CALL_DEPTH_LIMIT = 10_000;
    public static final long DEFAULT_IO_WAIT_LIMIT_MILLIS = 30_000;

    public static final InterpreterOptions DEFAULTS =
            new InterpreterOptions(DEFAULT_STEP_LIMIT, DEFAULT_CALL_DEPTH_LIMIT, false, DEFAULT_IO_WAIT_LIMIT_MILLIS);

    public InterpreterOptions {
        if (stepLimit <= 0) {
            throw new IllegalArgumentException("the step limit must be positive, not " + stepLimit);
        }
        if (callDepthLimit <= 0) {
            throw new IllegalArgumentException("the call-depth limit must be positive, not " + callDepthLimit);
        }
        if (ioWaitLimitMillis <= 0) {
            throw new IllegalArgumentException("the I/O wait limit must be positive, not " + ioWaitLimitMillis);
        }
    }

    public InterpreterOptions withStepLimit(long limit) {
        return new InterpreterOptions(limit, callDepthLimit, bigEndianDefault, ioWaitLimitMillis);
    }

    public InterpreterOptions withCallDepthLimit(int limit) {
        return new InterpreterOptions(stepLimit, limit, bigEndianDefault, ioWaitLimitMillis);
    }

    public InterpreterOptions withBigEndianDefault(boolean big) {
        return new InterpreterOptions(stepLimit, callDepthLimit, big, ioWaitLimitMillis);
    }

    public InterpreterOptions withIoWaitLimitMillis(long millis) {
        return new InterpreterOptions(stepLimit, callDepthLimit, bigEndianDefault, millis);
    }
}
