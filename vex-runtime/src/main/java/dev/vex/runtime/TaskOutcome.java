package dev.vex.runtime;

/** How a task ended, as the C runtime's {@code VEX_TASK_*} codes say. */
public enum TaskOutcome {
    /** It returned; its results are valid. */
    COMPLETED,
    /** It was cancelled before it returned; its results are zero. */
    CANCELLED,
    /** It trapped (or a resume returned VEX_FAILED): value 0 is the trap code, value 1 the trap
     * site's return address (0 if unknown). */
    FAILED;

    static TaskOutcome of(int code) {
        return switch (code) {
            case 0 -> COMPLETED;
            case 1 -> CANCELLED;
            case 2 -> FAILED;
            case -1 -> throw new VexRuntimeException("a blocking runtime call was made on a worker thread");
            case -2 -> throw new VexRuntimeException("no runtime to run the task on");
            case -3 -> throw new VexRuntimeException("the runtime does not know the task's handle");
            default -> throw new VexRuntimeException("the runtime reported status " + code);
        };
    }
}
