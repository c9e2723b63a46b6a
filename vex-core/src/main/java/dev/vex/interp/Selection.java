package dev.vex.interp;

import java.util.function.LongFunction;

/**
 * {@code %vex_select(ops, n, timeout)} in the interpreter: n channel operations (records of
 * {kind, channel, value} in memory; kind 0 receive, 1 send) and a deadline raced against each
 * other (docs/BUILTINS.md). The first operation that can complete does; the others are
 * withdrawn without effect. Results: (index, or -1 when the deadline passed first; status 0
 * done or 1 closed; the value received, else 0).
 *
 * <p>Fairness without randomness: the scan for a ready operation starts at an index that the
 * scheduler rotates by one at every select of the run, so runs stay deterministic.
 */
final class Selection {
    /** Operations a select may name (VEX_SELECT_MAX_OPS). */
    static final int MAX_OPS = 64;
    /** Bytes per operation record. */
    static final int OP_BYTES = 24;
    private static final long RECV = 0;
    private static final long SEND = 1;
    private static final long[] TIMED_OUT = {-1, 0, 0};

    private final Task task;
    private final ChannelWaiter[] arms;
    private VirtualClock.Timer timer;
    private boolean decided;

    private Selection(Task task, int n) {
        this.task = task;
        this.arms = new ChannelWaiter[n];
    }

    /**
     * Runs a select for {@code task}: its results if an operation (or a zero timeout) completes
     * it now, else null after parking the task on every channel and on the deadline.
     */
    static long[] start(Task task, long ops, long n, long timeout, Memory memory,
            LongFunction<Channel> channels, Scheduler scheduler) {
        if (n < 0 || n > MAX_OPS) {
            throw new InterpreterFailure("%vex_select: " + n + " operations (0.." + MAX_OPS + " allowed)");
        }
        int count = (int) n;
        Channel[] chans = new Channel[count];
        boolean[] send = new boolean[count];
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            long at = ops + (long) OP_BYTES * i;
            long kind = memory.load(at, 8, false);
            if (kind != RECV && kind != SEND) {
                throw new InterpreterFailure("%vex_select: operation " + i + " has kind " + kind
                        + " (0 receive, 1 send)");
            }
            send[i] = kind == SEND;
            chans[i] = channels.apply(memory.load(at + 8, 8, false));
            values[i] = memory.load(at + 16, 8, false);
        }
        int first = count == 0 ? 0 : (int) Long.remainderUnsigned(scheduler.nextSelectStart(), count);
        for (int k = 0; k < count; k++) {
            int i = (first + k) % count;
            if (send[i]) {
                long status = chans[i].trySend(values[i], scheduler);
                if (status >= 0) {
                    return new long[] {i, status, 0};
                }
            } else {
                long[] r = chans[i].tryRecv(scheduler);
                if (r != null) {
                    return new long[] {i, r[0], r[1]};
                }
            }
        }
        if (timeout == 0) {
            return TIMED_OUT.clone();
        }
        Selection s = new Selection(task, count);
        for (int i = 0; i < count; i++) {
            s.arms[i] = new ChannelWaiter(task, chans[i], send[i], values[i], s, i);
            chans[i].park(s.arms[i]);
        }
        if (timeout > 0) {
            s.timer = scheduler.armSelectTimer(task, timeout, s);
        }
        // Cancelled while it waits: every arm and the deadline are withdrawn, nothing taken.
        scheduler.block(task, "%vex_select on " + count + " channel operations"
                + (timeout > 0 ? " with a deadline" : ""), () -> s.withdraw(scheduler));
        return null;
    }

    /**
     * Arm {@code index} completed (by a peer, or by close: status 1): the others are withdrawn,
     * the deadline too, and the task wakes. {@code received} is 0 for a send.
     */
    void complete(int index, long status, long received, Scheduler scheduler) {
        decide(scheduler);
        arms[index] = null;
        withdrawArms();
        scheduler.wake(task, new long[] {index, status, received});
    }

    /** The deadline passed first. */
    void timedOut(Scheduler scheduler) {
        timer = null;
        decide(scheduler);
        withdrawArms();
        scheduler.wake(task, TIMED_OUT.clone());
    }

    /** The task was cancelled while it waited: nothing completes, everything is withdrawn. */
    private void withdraw(Scheduler scheduler) {
        decide(scheduler);
        withdrawArms();
    }

    private void decide(Scheduler scheduler) {
        if (decided) {
            throw new IllegalStateException("a selection completed twice");
        }
        decided = true;
        if (timer != null) {
            scheduler.disarm(timer);
            timer = null;
        }
    }

    private void withdrawArms() {
        for (ChannelWaiter w : arms) {
            if (w != null) {
                w.channel.withdraw(w);
            }
        }
    }
}
