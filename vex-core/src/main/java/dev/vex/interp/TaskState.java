package dev.vex.interp;

/** Where a {@link Task} is in its life. */
enum TaskState {
    /** In the run queue, or running. */
    RUNNABLE,
    /** Waiting for a timer, a task, a channel or a socket; something else will wake it. */
    BLOCKED,
    /** Returned; its results are kept for {@code %vex_join}. */
    DONE;

    /** {@code %vex_join_status}'s status of a task that returned (VEX_TASK_COMPLETED). */
    static final long COMPLETED_STATUS = 0;
    /** {@code %vex_join_status}'s status of a task that was cancelled (VEX_TASK_CANCELLED). */
    static final long CANCELLED_STATUS = 1;
}
