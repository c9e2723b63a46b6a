package dev.vex.interp;

import java.util.PriorityQueue;

/**
 * Virtual time in nanoseconds and the timers armed against it. Time moves only when the
 * scheduler has nothing to run: it jumps to the earliest deadline. Timers fire in deadline
 * order, ties in the order they were armed.
 */
final class VirtualClock {
    private record Timer(long deadline, long sequence, Task task) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.deadline, b.deadline);
        return c != 0 ? c : Long.compare(a.sequence, b.sequence);
    });
    private long now;
    private long armed;

    long now() {
        return now;
    }

    /**
     * Wakes {@code task} once the time is at least {@code now + nanos} (a negative wait counts as
     * 0). Returns the timer, for {@link #cancel}.
     */
    Object sleep(Task task, long nanos) {
        long deadline = nanos <= 0 ? now : (Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos);
        Timer t = new Timer(deadline, armed++, task);
        timers.add(t);
        return t;
    }

    /** Disarms a timer from {@link #sleep} (its task was cancelled); nothing if it fired. */
    void cancel(Object timer) {
        timers.remove(timer);
    }

    boolean hasTimers() {
        return !timers.isEmpty();
    }

    /** The task of the earliest timer if it is due, removing it; else null. */
    Task pollDue() {
        Timer t = timers.peek();
        if (t == null || t.deadline > now) {
            return null;
        }
        timers.poll();
        return t.task;
    }

    /** Moves time forward to the earliest deadline (never backward). */
    void advanceToNextDeadline() {
        Timer t = timers.peek();
        if (t != null && t.deadline > now) {
            now = t.deadline;
        }
    }
}
