package dev.vex.interp;

import java.util.ArrayDeque;

/**
 * A bounded FIFO channel of i64 values ({@code %vex_chan_*}).
 *
 * <p>Capacity 0 is a rendezvous: a send completes only when a receiver takes the value. A
 * sender that finds a receiver waiting hands the value over directly. Close wakes every waiter:
 * blocked receivers get (1, 0), blocked senders get 1 and their values are dropped; values
 * already buffered can still be received. Waiters are served first come, first served.
 */
final class Channel {
    private record PendingSend(Task task, long value) {}

    private static final long[] SENT = {0};
    private static final long[] CLOSED_SEND = {1};
    private static final long[] CLOSED_RECV = {1, 0};

    final long handle;
    private final long capacity;
    private final ArrayDeque<Long> buffer = new ArrayDeque<>();
    private final ArrayDeque<PendingSend> senders = new ArrayDeque<>();
    private final ArrayDeque<Task> receivers = new ArrayDeque<>();
    private boolean closed;

    Channel(long handle, long capacity) {
        this.handle = handle;
        this.capacity = capacity;
    }

    /** Sends {@code value}: the result if the send completes now, else null after blocking {@code task}. */
    long[] send(Task task, long value, Scheduler scheduler) {
        if (closed) {
            return CLOSED_SEND;
        }
        Task receiver = receivers.poll();
        if (receiver != null) {
            scheduler.wake(receiver, new long[] {0, value});
            return SENT;
        }
        if (buffer.size() < capacity) {
            buffer.add(value);
            return SENT;
        }
        PendingSend pending = new PendingSend(task, value);
        senders.add(pending);
        // A cancelled sender's value is withdrawn: it was never sent (as natively).
        scheduler.block(task, "%vex_chan_send on channel " + handle, () -> senders.remove(pending));
        return null;
    }

    /** Receives: (0, value) or (1, 0) if it completes now, else null after blocking {@code task}. */
    long[] recv(Task task, Scheduler scheduler) {
        if (!buffer.isEmpty()) {
            long value = buffer.poll();
            // A place just freed up: the first blocked sender's value moves into the buffer.
            PendingSend s = senders.poll();
            if (s != null) {
                buffer.add(s.value);
                scheduler.wake(s.task, SENT);
            }
            return new long[] {0, value};
        }
        PendingSend s = senders.poll();
        if (s != null) {
            scheduler.wake(s.task, SENT);
            return new long[] {0, s.value};
        }
        if (closed) {
            return CLOSED_RECV;
        }
        receivers.add(task);
        scheduler.block(task, "%vex_chan_recv on channel " + handle, () -> receivers.remove(task));
        return null;
    }

    /** Closes the channel (again is harmless) and wakes every waiter. */
    void close(Scheduler scheduler) {
        if (closed) {
            return;
        }
        closed = true;
        for (Task r; (r = receivers.poll()) != null; ) {
            scheduler.wake(r, CLOSED_RECV);
        }
        for (PendingSend s; (s = senders.poll()) != null; ) {
            scheduler.wake(s.task, CLOSED_SEND);
        }
    }
}
