package dev.vex.interp;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * One socket of the interpreter's {@link NetReactor}: a non-blocking NIO channel (a
 * {@code ServerSocketChannel} for a listener, else a {@code SocketChannel}) and at most one task
 * waiting in each direction, as the C reactor allows (a second waiter gets {@code -EBUSY}).
 * Accept waits in the read direction, connect in the write direction.
 */
final class NetSocket {
    /** An I/O attempt that completes with the builtin's results, or returns null if it would block. */
    @FunctionalInterface
    interface Attempt {
        long[] run();
    }

    /**
     * A task parked in one direction, the attempt to repeat when the socket is ready, the
     * results it gets if the socket is closed under it ({@code -EBADF}; a timeout gives the
     * same shape with {@code -ETIMEDOUT}), and its deadline ({@code System.nanoTime()} based,
     * or {@code Long.MIN_VALUE} for none).
     */
    record Waiter(Task task, Attempt attempt, long[] onClose, long deadline) {}

    final long handle;
    final SelectableChannel channel;
    /** Registered with the selector on the first wait. */
    SelectionKey key;
    Waiter reader;
    Waiter writer;
    /** The socket's timeouts in nanoseconds, [0] receive and [1] send; 0 = none. */
    final long[] timeoutNanos = new long[2];

    NetSocket(long handle, SelectableChannel channel) {
        this.handle = handle;
        this.channel = channel;
    }

    /** The selector interest of the waiters now parked. */
    int interest(int readOp, int writeOp) {
        return (reader != null ? readOp : 0) | (writer != null ? writeOp : 0);
    }
}
