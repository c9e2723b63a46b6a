package dev.vex.interp;

import java.util.PriorityQueue;

/**
 * Virtual time in nanoseconds and the timers armed against it. Time moves only when the
 * scheduler has nothing to run: it jumps to the earliest deadline. Timers fire in deadline
 * order, ties in the order they were armed.
 */
final class VirtualClock {
    /** An armed timer: it wakes {@code task}, or times out {@code selection} when that is not null. */
    record Timer(long deadline, long sequence, Task task, Selection selection) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.deadline, b.deadline);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    });
    private long now;
    private long armed;

    long now() {
        return now;
    }

    /** Wakes {@code task} once the time is at least {@code now + nanos} (a negative wait counts as 0). */
    Timer sleep(Task task, long nanos) {
        return arm(task, nanos, null);
    }

    /** Arms a timer due at {@code now + nanos} (saturating) for a sleep or a select's deadline. */
    Timer arm(Task task, long nanos, Selection selection) {
        long deadline = nanos <= 0 ? now : (Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos);
        Timer t = new Timer(deadline, armed++, task, selection);
        timers.add(t);
        return t;
    }

    /**
     * Removes an armed timer that has not fired (a select decided before its deadline, or a
     * sleeping task was cancelled); nothing if it fired.
     */
    void disarm(Timer t) {
        timers.remove(t);
    }

    boolean hasTimers() {
        return !timers.isEmpty();
    }

    /** The earliest timer if it is due, removing it; else null. */
    Timer pollDue() {
        Timer t = timers.peek();
        if (t == null || t.deadline > now) {
            return null;
        }
        timers.poll();
        return t;
    }

    /** Moves time forward to the earliest deadline (never backward). */
    void advanceToNextDeadline() {
        Timer t = timers.peek();
        if (t != null && t.deadline > now) {
            now = t.deadline;
        }
    }
}
