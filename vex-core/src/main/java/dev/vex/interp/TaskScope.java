package dev.vex.interp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A task scope ({@code %vex_scope_*}, docs/BUILTINS.md) in the interpreter: the tasks moved into
 * it are counted out as they finish ({@link Scheduler#finish} calls {@link #taskDone}), and
 * {@code %vex_scope_join} waits until none is left.
 *
 * <p>A trap in any task ends the whole run here, so a scope never sees a failure. A
 * {@code %vex_scope_cancel}, or a task added to a cancelled scope, cancels the scope's running
 * tasks as {@code %vex_cancel} does ({@link Scheduler#requestCancel}); a cancelled task still
 * counts out when it ends. Misuse (a handle that is not a live scope, a task handle already
 * given away) fails the run, as for channels.
 */
final class TaskScope {
    /** Scopes a run may create: a runaway {@code %vex_scope_new} loop fails the run. */
    static final int MAX_SCOPES = 100_000;
    private static final long COMPLETED = 0;
    private static final long CANCELLED = 1;

    final long handle;
    /** The tasks added that have not finished, in the order they were added. */
    private final Set<Task> running = new LinkedHashSet<>();
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
            t.scope = this;
            running.add(t);
            if (outcome != COMPLETED) {
                scheduler.requestCancel(t);
            }
        }
        return new long[] {0};
    }

    /** {@code %vex_scope_cancel}: every running task of the scope is asked to stop. */
    long[] cancel(Scheduler scheduler) {
        if (outcome == COMPLETED) {
            outcome = CANCELLED;
        }
        for (Task t : List.copyOf(running)) {
            scheduler.requestCancel(t);
        }
        return new long[] {0};
    }

    /** {@code %vex_scope_join}: (status, 0) now if no task is left, else null after blocking {@code task}. */
    long[] join(Task task, Scheduler scheduler) {
        consumed = true;
        if (running.isEmpty()) {
            return new long[] {outcome, 0};
        }
        joiner = task;
        // Cancelling the joiner cancels the scope's tasks: they belong to it.
        scheduler.block(task, "%vex_scope_join(" + handle + ") with " + running.size() + " task(s) running", () -> {
            joiner = null;
            cancel(scheduler);
        });
        return null;
    }

    /** A task of the scope ended (returned, or was cancelled). */
    void taskDone(Task task, Scheduler scheduler) {
        running.remove(task);
        if (running.isEmpty() && joiner != null) {
            Task j = joiner;
            joiner = null;
            scheduler.wake(j, new long[] {outcome, 0});
        }
    }
}
