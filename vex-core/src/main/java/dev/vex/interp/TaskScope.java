package dev.vex.interp;

/**
 * A task scope ({@code %vex_scope_*}, docs/BUILTINS.md) in the interpreter: the tasks moved into
 * it are counted out as they finish ({@link Scheduler#finish} calls {@link #taskDone}), and
 * {@code %vex_scope_join} waits until none is left.
 *
 * <p>A trap in any task ends the whole run here, so a scope never sees a failure. Cancelling
 * tasks that are still running (a {@code %vex_scope_cancel}, a task added to a cancelled scope)
 * needs task cancellation, which this interpreter does not have yet: such a run fails with a
 * message that says so. Misuse (a handle that is not a live scope, a task handle already given
 * away) fails the run, as for channels.
 */
final class TaskScope {
    /** Scopes a run may create: a runaway {@code %vex_scope_new} loop fails the run. */
    static final int MAX_SCOPES = 100_000;
    private static final long COMPLETED = 0;
    private static final long CANCELLED = 1;

    final long handle;
    private int running;
    private long outcome = COMPLETED;
    private Task joiner;
    /** Joined: the handle is gone. */
    boolean consumed;

    TaskScope(long handle) {
        this.handle = handle;
    }

    /** {@code %vex_scope_add}: the task whose handle this is belongs to the scope from now on. */
    long[] add(long taskHandle, Scheduler scheduler) {
        Task t = scheduler.takeHandleForScope(taskHandle);
        if (t.state != TaskState.DONE) {
            if (outcome != COMPLETED) {
                throw cancellationMissing("%vex_scope_add to a cancelled scope");
            }
            t.scope = this;
            running++;
        }
        return new long[] {0};
    }

    /** {@code %vex_scope_cancel}. */
    long[] cancel() {
        if (running > 0) {
            throw cancellationMissing("%vex_scope_cancel(" + handle + ") of a scope with " + running + " task(s) running");
        }
        outcome = CANCELLED;
        return new long[] {0};
    }

    /** {@code %vex_scope_join}: (status, 0) now if no task is left, else null after blocking {@code task}. */
    long[] join(Task task, Scheduler scheduler) {
        consumed = true;
        if (running == 0) {
            return new long[] {outcome, 0};
        }
        joiner = task;
        scheduler.block(task, "%vex_scope_join(" + handle + ") with " + running + " task(s) running");
        return null;
    }

    /** A task of the scope returned. */
    void taskDone(Scheduler scheduler) {
        running--;
        if (running == 0 && joiner != null) {
            Task j = joiner;
            joiner = null;
            scheduler.wake(j, new long[] {outcome, 0});
        }
    }

    private static InterpreterFailure cancellationMissing(String what) {
        return new InterpreterFailure(what + ": cancelling running tasks is not supported by this interpreter yet");
    }
}
