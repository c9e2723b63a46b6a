package dev.vex.interp;

import dev.vex.async.PreemptionChecks;

/**
 * The interpreter's side of cooperative preemption ({@link PreemptionChecks} inserts the checks
 * into native code): an activation of an async function that takes {@link #BUDGET} backward
 * branches (the back-edges of its loops, in layout order) without suspending yields, as if it
 * awaited {@code %vex_yield} there; so its siblings run, and a cancel takes effect. It is always
 * on here: it changes only the order in which tasks run, never a result a program may rely on.
 */
final class Preemption {
    /** The same budget as native code's. */
    static final long BUDGET = PreemptionChecks.BUDGET;

    private Preemption() {
    }

    /** Counts one back-edge of {@code f}; whether the task yields now (the budget starts afresh). */
    static boolean spent(Frame f) {
        if (!f.function.isAsync || --f.budget != 0) {
            return false;
        }
        f.budget = BUDGET;
        return true;
    }
}
