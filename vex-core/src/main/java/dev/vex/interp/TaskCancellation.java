package dev.vex.interp;

/**
 * How a task ends by cancellation in the interpreter, following the C runtime (docs/C-API.md,
 * {@code vex_cancel}): the children whose handles it still holds (not joined, not detached) are
 * cancelled with it and their handles given up; a task it was joining was cancelled already,
 * when its join was withdrawn ({@link Scheduler#requestCancel}); its joiners see status 1.
 */
final class TaskCancellation {
    /** Past this many remembered children, a spawn first forgets those whose handles are gone. */
    private static final int PRUNE_AT = 32;

    private TaskCancellation() {
    }

    /** Remembers that {@code parent} spawned {@code child} and holds its handle. */
    static void adopt(Task parent, Task child) {
        int n = parent.children.size();
        // Pruning at powers of two keeps a parent that joins as it goes at a short list, in
        // amortized constant time per spawn.
        if (n >= PRUNE_AT && Integer.bitCount(n) == 1) {
            parent.children.removeIf(c -> c.handleConsumed);
        }
        parent.children.add(child);
    }

    /** Ends {@code task}, picked with a cancel request, instead of running it. */
    static void endCancelled(Scheduler scheduler, Task task) {
        for (Task child : task.children) {
            if (!child.handleConsumed) {
                scheduler.releaseHandle(child);
                scheduler.requestCancel(child);
            }
        }
        task.children.clear();
        scheduler.finishCancelled(task);
    }
}
