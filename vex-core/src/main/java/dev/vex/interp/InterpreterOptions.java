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
    /** Instructions a run may execute before it fails. */
    public static final long DEFAULT_STEP_LIMIT = 100_000_000L;
    /** Nested calls a run may make before it traps with a stack overflow. */
    public static final int DEFAULT_CALL_DEPTH_LIMIT = 10_000;
    /** How long a run may wait for a socket with nothing else to do, by default. */
    public static final long DEFAULT_IO_WAIT_LIMIT_MILLIS = 30_000;

    /** The default limits, little-endian memory by default. */
    public static final InterpreterOptions DEFAULTS =
            new InterpreterOptions(DEFAULT_STEP_LIMIT, DEFAULT_CALL_DEPTH_LIMIT, false, DEFAULT_IO_WAIT_LIMIT_MILLIS);

    /** Checks the limits are positive. */
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

    /** These options with another step limit. */
    public InterpreterOptions withStepLimit(long limit) {
        return new InterpreterOptions(limit, callDepthLimit, bigEndianDefault, ioWaitLimitMillis);
    }

    /** These options with another call depth limit. */
    public InterpreterOptions withCallDepthLimit(int limit) {
        return new InterpreterOptions(stepLimit, limit, bigEndianDefault, ioWaitLimitMillis);
    }

    /** These options with another default byte order. */
    public InterpreterOptions withBigEndianDefault(boolean big) {
        return new InterpreterOptions(stepLimit, callDepthLimit, big, ioWaitLimitMillis);
    }

    /** These options with another I/O wait limit. */
    public InterpreterOptions withIoWaitLimitMillis(long millis) {
        return new InterpreterOptions(stepLimit, callDepthLimit, bigEndianDefault, millis);
    }
}
