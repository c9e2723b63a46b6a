package dev.vex.runtime;

/** How a task ended, as the C runtime's {@code VEX_TASK_*} codes say. */
public enum TaskOutcome {
    /** It returned; its results are valid. */
    COMPLETED,
    /** It was cancelled before it returned; its results are zero. */
    CANCELLED,
    /** It trapped (or a resume returned VEX_FAILED): the first value is the trap code. */
    FAILED;

    static TaskOutcome of(int code) {
        return switch (code) {
            case 0 -> COMPLETED;
            case 1 -> CANCELLED;
            case 2 -> FAILED;
            case -1 -> throw new VexRuntimeException("a blocking runtime call was made on a worker thread");
            default -> throw new VexRuntimeException("the runtime reported status " + code);
        };
    }
}
