package dev.vex.interp;

/** Where a {@link Task} is in its life. */
enum TaskState {
    /** In the run queue, or running. */
    RUNNABLE,
    /** Waiting for a timer, a task or a channel; something else will wake it. */
    BLOCKED,
    /** Returned; its results are kept for {@code %vex_join}. */
    DONE
}
