package dev.vex.interp;

import java.util.ArrayDeque;

/**
 * A bounded FIFO channel of i64 values ({@code %vex_chan_*}).
 *
 * <p>Capacity 0 is a rendezvous: a send completes only when a receiver takes the value. A
 * sender that finds a receiver waiting hands the value over directly. Close wakes every waiter:
 * blocked receivers get (1, 0), blocked senders get 1 and their values are dropped; values
 * already buffered can still be received. Waiters are served first come, first served; an arm
 * of a {@link Selection} waits in the same lists and is withdrawn when another arm wins.
 */
final class Channel {
    private static final long[] SENT = {0};
    private static final long[] CLOSED_SEND = {1};

    final long handle;
    private final long capacity;
    private final ArrayDeque<Long> buffer = new ArrayDeque<>();
    private final ArrayDeque<ChannelWaiter> senders = new ArrayDeque<>();
    private final ArrayDeque<ChannelWaiter> receivers = new ArrayDeque<>();
    private boolean closed;

    Channel(long handle, long capacity) {
        this.handle = handle;
        this.capacity = capacity;
    }

    /** Sends {@code value}: the result if the send completes now, else null after blocking {@code task}. */
    long[] send(Task task, long value, Scheduler scheduler) {
        long status = trySend(value, scheduler);
        if (status >= 0) {
            return status == 0 ? SENT : CLOSED_SEND;
        }
        ChannelWaiter w = new ChannelWaiter(task, this, true, value, null, 0);
        park(w);
        // A cancelled sender's value is withdrawn: it was never sent (as natively).
        scheduler.block(task, "%vex_chan_send on channel " + handle, () -> withdraw(w));
        return null;
    }

    /** Receives: (0, value) or (1, 0) if it completes now, else null after blocking {@code task}. */
    long[] recv(Task task, Scheduler scheduler) {
        long[] r = tryRecv(scheduler);
        if (r != null) {
            return r;
        }
        ChannelWaiter w = new ChannelWaiter(task, this, false, 0, null, 0);
        park(w);
        scheduler.block(task, "%vex_chan_recv on channel " + handle, () -> withdraw(w));
        return null;
    }

    /** Completes a send now if it can: 0 sent, 1 closed; -1 if it would have to wait. */
    long trySend(long value, Scheduler scheduler) {
        if (closed) {
            return 1;
        }
        ChannelWaiter receiver = receivers.poll();
        if (receiver != null) {
            receiver.complete(0, value, scheduler);
            return 0;
        }
        if (buffer.size() < capacity) {
            buffer.add(value);
            return 0;
        }
        return -1;
    }

    /** Completes a receive now if it can: (0, value) or (1, 0) once closed; null if it would have to wait. */
    long[] tryRecv(Scheduler scheduler) {
        if (!buffer.isEmpty()) {
            long value = buffer.poll();
            // A place just freed up: the first blocked sender's value moves into the buffer.
            ChannelWaiter s = senders.poll();
            if (s != null) {
                buffer.add(s.value);
                s.complete(0, 0, scheduler);
            }
            return new long[] {0, value};
        }
        ChannelWaiter s = senders.poll();
        if (s != null) {
            s.complete(0, 0, scheduler);
            return new long[] {0, s.value};
        }
        return closed ? new long[] {1, 0} : null;
    }

    /** Parks {@code w} at the back of its list. */
    void park(ChannelWaiter w) {
        (w.send ? senders : receivers).add(w);
    }

    /** Withdraws a parked {@code w} (an arm that lost its selection, or a cancelled task's operation). */
    void withdraw(ChannelWaiter w) {
        (w.send ? senders : receivers).removeFirstOccurrence(w);
    }

    /** Closes the channel (again is harmless) and wakes every waiter. */
    void close(Scheduler scheduler) {
        if (closed) {
            return;
        }
        closed = true;
        for (ChannelWaiter r; (r = receivers.poll()) != null; ) {
            r.complete(1, 0, scheduler);
        }
        for (ChannelWaiter s; (s = senders.poll()) != null; ) {
            s.complete(1, 0, scheduler);
        }
    }
}
