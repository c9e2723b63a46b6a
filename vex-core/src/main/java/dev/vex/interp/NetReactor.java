package dev.vex.interp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code %vex_tcp_*} and {@code %vex_udp_*} builtins on real sockets, through Java NIO, for one interpreter run: a
 * handle table and one {@link Selector}. Semantics follow the C runtime's {@code net.c}
 * (docs/BUILTINS.md): every operation is tried at once on a non-blocking channel; when it would
 * block, the task parks on the socket and the {@link Scheduler} polls this reactor, repeating
 * the attempt once the selector reports the socket ready.
 *
 * <p>Handles are 1, 2, ... in the order sockets are made, never reused within a run. A handle
 * that is not open gives {@code -EBADF}. A buffer that is not wholly inside one stack or heap block gives {@code -EFAULT}.
 */
final class NetReactor implements AutoCloseable {
    /** Open sockets a run may hold: a runaway accept or connect loop fails the run. */
    static final int MAX_SOCKETS = 4096;
    /** Largest single read or write the interpreter moves at once (a short count, as a kernel may give). */
    static final int MAX_TRANSFER = 1 << 16;
    static final long LOOPBACK = 0x7f000001L;

    private final Memory memory;
    private final Scheduler scheduler;
    private final Map<Long, NetSocket> sockets = new HashMap<>();
    private final ByteBuffer scratch = ByteBuffer.allocate(MAX_TRANSFER);
    private Selector selector;
    private long nextHandle = 1;
    private int waiters;
    /** Waiters with a deadline (a socket timeout), so that polls without any skip the scan. */
    private int timed;
    private static final int READ = 0;
    private static final int WRITE = 1;
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    NetReactor(Memory memory, Scheduler scheduler) {
        this.memory = memory;
        this.scheduler = scheduler;
    }

    /** Options of {@code %vex_tcp_set_option} (vex_net.h). */
    static final long TCP_NODELAY = 1;
    static final long SO_REUSEADDR = 2;
    static final long SO_REUSEPORT = 3;
    static final long SO_KEEPALIVE = 4;
    static final long SO_RECV_TIMEOUT = 5;
    static final long SO_SEND_TIMEOUT = 6;
    /** The flag of {@code %vex_tcp_listen_with}. */
    static final long LISTEN_REUSEPORT = 1;

    /**
     * {@code %vex_tcp_listen(ipv4, port)} (flags 0) and {@code %vex_tcp_listen_with(ipv4, port,
     * flags)}: bound with SO_REUSEADDR, and SO_REUSEPORT if flagged, backlog 1024.
     */
    long[] listen(long ipv4, long port, long flags) {
        if ((flags & ~LISTEN_REUSEPORT) != 0) {
            return error(Errno.EINVAL);
        }
        ServerSocketChannel ch = null;
        try {
            ch = ServerSocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (flags != 0) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            ch.bind(address(ipv4, port), 1024);
            return one(add(ch));
        } catch (IOException e) {
            closeQuietly(ch);
            return error(Errno.of(e));
        } catch (RuntimeException e) {
            closeQuietly(ch);
            return error(Errno.of(e));
        }
    }

    /** {@code %vex_tcp_accept(listener)}: the accepted socket has TCP_NODELAY set, as in C. */
    long[] accept(Task task, long handle) {
        NetSocket s = sockets.get(handle);
        if (s == null || !(s.channel instanceof ServerSocketChannel server)) {
            return error(s == null ? Errno.EBADF : Errno.EINVAL);
        }
        return attemptOrPark(task, s, true, () -> {
            try {
                SocketChannel c = server.accept();
                if (c == null) {
                    return null;
                }
                if (sockets.size() >= MAX_SOCKETS) {
                    c.close();
                    throw new InterpreterFailure("more than " + MAX_SOCKETS + " open sockets");
                }
                c.configureBlocking(false);
                c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                return one(add(c));
            } catch (IOException e) {
                return error(Errno.of(e));
            }
        });
    }

    /**
     * {@code %vex_tcp_connect(ipv4, port)} (timeout 0) and {@code %vex_tcp_connect_with(ipv4,
     * port, timeout)}: TCP_NODELAY set; a failed or timed-out connect closes the socket.
     */
    long[] connect(Task task, long ipv4, long port, long timeoutNanos) {
        if (timeoutNanos < 0) {
            return error(Errno.EINVAL);
        }
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = ch.connect(address(ipv4, port));
            NetSocket s = sockets.get(add(ch));
            if (done) {
                return one(s.handle);
            }
            SocketChannel c = ch;
            s.timeoutNanos[WRITE] = timeoutNanos;
            return attemptOrPark(task, s, false, () -> {
                try {
                    if (c.finishConnect()) {
                        s.timeoutNanos[WRITE] = 0;
                        return one(s.handle);
                    }
                    return null;
                } catch (IOException e) {
                    forget(s); // the retry that called this delivers the error to the waiter
                    return error(Errno.of(e));
                }
            });
        } catch (IOException e) {
            closeQuietly(ch); // not in the table yet: add comes after connect
            return error(Errno.of(e));
        } catch (InterpreterFailure f) {
            throw f;
        } catch (RuntimeException e) {
            closeQuietly(ch);
            return error(Errno.of(e));
        }
    }

    /** {@code %vex_tcp_read(sock, buf, len)}: bytes read, 0 at end of stream, or -errno. */
    long[] read(Task task, long handle, long buf, long len) {
        SocketChannel c = connected(handle);
        if (c == null) {
            return error(sockets.containsKey(handle) ? Errno.ENOTCONN : Errno.EBADF);
        }
        if (len < 0 || !memory.isMapped(buf, len)) {
            return error(Errno.EFAULT);
        }
        if (len == 0) {
            return one(0);
        }
        return attemptOrPark(task, sockets.get(handle), true, () -> {
            try {
                scratch.clear().limit((int) Math.min(len, MAX_TRANSFER));
                int n = c.read(scratch);
                if (n == 0) {
                    return null;
                }
                if (n < 0) {
                    return one(0);
                }
                memory.storeBytes(buf, scratch.array(), n);
                return one(n);
            } catch (IOException e) {
                return error(Errno.of(e));
            }
        });
    }

    /**
     * {@code %vex_tcp_write(sock, buf, len)}: bytes written (possibly fewer than len), or -errno;
     * -EPIPE on a listener, as Linux's send gives.
     */
    long[] write(Task task, long handle, long buf, long len) {
        SocketChannel c = connected(handle);
        if (c == null) {
            return error(sockets.containsKey(handle) ? Errno.EPIPE : Errno.EBADF);
        }
        if (len < 0 || !memory.isMapped(buf, len)) {
            return error(Errno.EFAULT);
        }
        if (len == 0) {
            return one(0);
        }
        return attemptOrPark(task, sockets.get(handle), false, () -> {
            try {
                int n = (int) Math.min(len, MAX_TRANSFER);
                memory.loadBytes(buf, scratch.array(), n);
                scratch.clear().limit(n);
                int w = c.write(scratch);
                return w == 0 ? null : one(w);
            } catch (IOException e) {
                return error(Errno.of(e));
            }
        });
    }

    /**
     * {@code %vex_tcp_close(sock)}: the handle dies at once, and every task parked on the
     * socket wakes with {@code -EBADF} (three results for a {@code %vex_udp_recv_from}), as
     * the C runtime's close does.
     */
    long[] close(long handle) {
        NetSocket s = sockets.get(handle);
        if (s == null) {
            return error(Errno.EBADF);
        }
        for (boolean read : new boolean[] {true, false}) {
            NetSocket.Waiter w = read ? s.reader : s.writer;
            if (w != null) {
                unpark(s, read);
                scheduler.wake(w.task(), w.onClose());
            }
        }
        forget(s);
        return one(0);
    }

    /** {@code %vex_tcp_local_port(sock)}. */
    long[] localPort(long handle) {
        NetSocket s = sockets.get(handle);
        if (s == null) {
            return error(Errno.EBADF);
        }
        try {
            InetSocketAddress a = (InetSocketAddress) ((NetworkChannel) s.channel).getLocalAddress();
            return a == null ? error(Errno.EINVAL) : one(a.getPort());
        } catch (IOException e) {
            return error(Errno.of(e));
        }
    }

    /**
     * {@code %vex_tcp_shutdown(sock)}: no more writes; the peer reads end of stream. On a
     * listener it does nothing and returns 0, as Linux's shutdown(SHUT_WR) does.
     */
    long[] shutdown(long handle) {
        NetSocket s = sockets.get(handle);
        if (s != null && s.channel instanceof ServerSocketChannel) {
            return one(0);
        }
        SocketChannel c = connected(handle);
        if (c == null) {
            return error(sockets.containsKey(handle) ? Errno.ENOTCONN : Errno.EBADF);
        }
        try {
            c.shutdownOutput();
            return one(0);
        } catch (IOException e) {
            return error(Errno.of(e));
        }
    }

    /**
     * {@code %vex_tcp_set_option(sock, option, value)}. On a listener, TCP_NODELAY and
     * SO_KEEPALIVE are accepted and do nothing here (Linux takes them, for the accepted sockets
     * to inherit; accepted sockets get TCP_NODELAY anyway).
     */
    long[] setOption(long handle, long option, long value) {
        NetSocket s = sockets.get(handle);
        if (s == null) {
            return error(Errno.EBADF);
        }
        if (option == SO_RECV_TIMEOUT || option == SO_SEND_TIMEOUT) {
            if (value < 0) {
                return error(Errno.EINVAL);
            }
            s.timeoutNanos[option == SO_RECV_TIMEOUT ? READ : WRITE] = value;
            return one(0);
        }
        boolean on = value != 0;
        try {
            if (s.channel instanceof DatagramChannel udp) {
                if (option == SO_REUSEADDR) {
                    udp.setOption(StandardSocketOptions.SO_REUSEADDR, on);
                } else if (option == SO_REUSEPORT) {
                    udp.setOption(StandardSocketOptions.SO_REUSEPORT, on);
                } else if (option == TCP_NODELAY) {
                    return error(Errno.ENOPROTOOPT); // Linux's answer for a TCP option on UDP
                } else if (option != SO_KEEPALIVE) { // Linux takes it on UDP and does nothing
                    return error(Errno.EINVAL);
                }
                return one(0);
            }
            if (s.channel instanceof ServerSocketChannel server) {
                if (option == SO_REUSEADDR) {
                    server.setOption(StandardSocketOptions.SO_REUSEADDR, on);
                } else if (option == SO_REUSEPORT) {
                    server.setOption(StandardSocketOptions.SO_REUSEPORT, on);
                } else if (option != TCP_NODELAY && option != SO_KEEPALIVE) {
                    return error(Errno.EINVAL);
                }
                return one(0);
            }
            SocketChannel c = (SocketChannel) s.channel;
            if (option == TCP_NODELAY) {
                c.setOption(StandardSocketOptions.TCP_NODELAY, on);
            } else if (option == SO_REUSEADDR) {
                c.setOption(StandardSocketOptions.SO_REUSEADDR, on);
            } else if (option == SO_REUSEPORT) {
                c.setOption(StandardSocketOptions.SO_REUSEPORT, on);
            } else if (option == SO_KEEPALIVE) {
                c.setOption(StandardSocketOptions.SO_KEEPALIVE, on);
            } else {
                return error(Errno.EINVAL);
            }
            return one(0);
        } catch (IOException e) {
            return error(Errno.of(e));
        } catch (UnsupportedOperationException e) {
            return error(Errno.EOPNOTSUPP);
        }
    }

    /** {@code %vex_tcp_peer_addr(sock)} ({@code address}) or {@code %vex_tcp_peer_port(sock)}. */
    long[] peer(long handle, boolean address) {
        NetSocket s = sockets.get(handle);
        if (s == null) {
            return error(Errno.EBADF);
        }
        if (!(s.channel instanceof SocketChannel c)) {
            return error(Errno.ENOTCONN);
        }
        try {
            InetSocketAddress a = (InetSocketAddress) c.getRemoteAddress();
            if (a == null) {
                return error(Errno.ENOTCONN);
            }
            if (!address) {
                return one(a.getPort());
            }
            byte[] b = a.getAddress().getAddress();
            if (b.length != 4) {
                return error(Errno.EAFNOSUPPORT);
            }
            return one(((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL));
        } catch (IOException e) {
            return error(Errno.of(e));
        }
    }

    /** {@code %vex_udp_bind(ipv4, port)}: a bound UDP socket. */
    long[] udpBind(long ipv4, long port) {
        DatagramChannel ch = null;
        try {
            ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.configureBlocking(false);
            ch.bind(address(ipv4, port));
            return one(add(ch));
        } catch (IOException e) {
            closeQuietly(ch);
            return error(Errno.of(e));
        } catch (InterpreterFailure f) {
            throw f;
        } catch (RuntimeException e) {
            closeQuietly(ch);
            return error(Errno.of(e));
        }
    }

    /** {@code %vex_udp_send_to(sock, buf, len, ipv4, port)}: one datagram, or -errno. */
    long[] sendTo(Task task, long handle, long buf, long len, long ipv4, long port) {
        DatagramChannel c = datagram(handle);
        if (c == null) {
            return error(sockets.containsKey(handle) ? Errno.ENOTSOCK : Errno.EBADF);
        }
        if (len < 0 || !memory.isMapped(buf, len)) {
            return error(Errno.EFAULT);
        }
        if (len > MAX_TRANSFER) {
            return error(Errno.EMSGSIZE);
        }
        if ((port & 0xffff) == 0) {
            return error(Errno.EINVAL); // Linux's answer; NIO refuses port 0 before the syscall
        }
        InetSocketAddress to;
        try {
            to = address(ipv4, port);
        } catch (UnknownHostException e) {
            return error(Errno.EINVAL);
        }
        return attemptOrPark(task, sockets.get(handle), false, () -> {
            try {
                memory.loadBytes(buf, scratch.array(), (int) len);
                scratch.clear().limit((int) len);
                int n = c.send(scratch, to);
                return n == 0 && len > 0 ? null : one(n);
            } catch (IOException e) {
                return error(Errno.of(e));
            }
        });
    }

    /** {@code %vex_udp_recv_from(sock, buf, len)}: (bytes or -errno, sender's IPv4, sender's port). */
    long[] receiveFrom(Task task, long handle, long buf, long len) {
        DatagramChannel c = datagram(handle);
        if (c == null) {
            return new long[] {-(sockets.containsKey(handle) ? Errno.ENOTSOCK : Errno.EBADF), 0, 0};
        }
        if (len < 0 || !memory.isMapped(buf, len)) {
            return new long[] {-Errno.EFAULT, 0, 0};
        }
        return attemptOrPark(task, sockets.get(handle), true, new long[] {-Errno.EBADF, 0, 0}, () -> {
            try {
                scratch.clear().limit((int) Math.min(len, MAX_TRANSFER));
                InetSocketAddress from = (InetSocketAddress) c.receive(scratch);
                if (from == null) {
                    return null;
                }
                int n = scratch.position();
                memory.storeBytes(buf, scratch.array(), n);
                byte[] b = from.getAddress().getAddress();
                long a = b.length == 4 ? ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL) : 0;
                return new long[] {n, a, from.getPort()};
            } catch (IOException e) {
                return new long[] {-Errno.of(e), 0, 0};
            }
        });
    }

    /** {@code %vex_udp_close(sock)}: as {@link #close} (either closes any socket, as in C). */
    long[] udpClose(long handle) {
        return close(handle);
    }

    /** Whether some task waits for a socket. */
    boolean hasWaiters() {
        return waiters > 0;
    }

    /**
     * Waits up to {@code timeoutMillis} (0: not at all) for sockets to become ready, repeats
     * the attempts of their waiters and wakes those whose attempt completed. Returns how many
     * tasks it woke.
     */
    int poll(long timeoutMillis) {
        if (waiters == 0) {
            return 0;
        }
        try {
            if (selector == null) {
                selector = Selector.open();
            }
            if (timeoutMillis == 0) {
                selector.selectNow();
            } else {
                selector.select(untilEarliestDeadline(timeoutMillis));
            }
        } catch (IOException e) {
            throw new InterpreterFailure("the interpreter's socket selector failed: " + e.getMessage());
        }
        int woken = 0;
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            NetSocket s = (NetSocket) k.attachment();
            if (!k.isValid()) {
                continue;
            }
            int ready = k.readyOps();
            if (s.reader != null && (ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
                woken += retry(s, true);
            }
            if (s.writer != null && (ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
                woken += retry(s, false);
            }
            updateInterest(s);
        }
        return woken + expireDeadlines();
    }

    /** What the parked tasks wait for, for a failure message. */
    String describeWaiters() {
        List<String> out = new ArrayList<>();
        for (NetSocket s : sockets.values()) {
            if (s.reader != null) {
                out.add("%" + s.reader.task().rootFunction + " reading socket " + s.handle);
            }
            if (s.writer != null) {
                out.add("%" + s.writer.task().rootFunction + " writing socket " + s.handle);
            }
        }
        return String.join(", ", out);
    }

    /** Closes every socket and the selector: the run is over. */
    @Override
    public void close() {
        for (NetSocket s : new ArrayList<>(sockets.values())) {
            closeQuietly(s.channel);
        }
        sockets.clear();
        waiters = 0;
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing is left to tell
            }
        }
    }

    private long[] attemptOrPark(Task task, NetSocket s, boolean read, NetSocket.Attempt attempt) {
        return attemptOrPark(task, s, read, error(Errno.EBADF), attempt);
    }

    /** {@code onClose}: the results a parked task gets when its socket is closed under it. */
    private long[] attemptOrPark(Task task, NetSocket s, boolean read, long[] onClose, NetSocket.Attempt attempt) {
        long[] r = attempt.run();
        if (r != null) {
            return r;
        }
        if ((read ? s.reader : s.writer) != null) {
            return error(Errno.EBUSY);
        }
        long timeout = s.timeoutNanos[read ? READ : WRITE];
        long deadline = timeout > 0 ? saturatedAdd(System.nanoTime(), timeout) : NO_DEADLINE;
        NetSocket.Waiter w = new NetSocket.Waiter(task, attempt, onClose, deadline);
        if (deadline != NO_DEADLINE) {
            timed++;
        }
        if (read) {
            s.reader = w;
        } else {
            s.writer = w;
        }
        waiters++;
        updateInterest(s);
        scheduler.block(task, "%vex_tcp_" + (read ? "read" : "write") + " direction of socket " + s.handle, () -> {
            if ((read ? s.reader : s.writer) == w) {
                unpark(s, read);
                updateInterest(s);
            }
        });
        return null;
    }

    private int retry(NetSocket s, boolean read) {
        NetSocket.Waiter w = read ? s.reader : s.writer;
        long[] r = w.attempt().run();
        if (r == null) {
            return 0;
        }
        unpark(s, read);
        scheduler.wake(w.task(), r);
        return 1;
    }

    private void unpark(NetSocket s, boolean read) {
        NetSocket.Waiter w = read ? s.reader : s.writer;
        if (w.deadline() != NO_DEADLINE) {
            timed--;
        }
        if (read) {
            s.reader = null;
        } else {
            s.writer = null;
        }
        waiters--;
    }

    /**
     * Wakes, with {@code -ETIMEDOUT}, every waiter whose deadline has passed (its attempt is
     * tried once more first, as the C runtime retries its syscall). A timed-out connect closes
     * its socket. Returns how many it woke.
     */
    private int expireDeadlines() {
        if (timed == 0) {
            return 0;
        }
        long now = System.nanoTime();
        int woken = 0;
        for (NetSocket s : new ArrayList<>(sockets.values())) {
            for (boolean read : new boolean[] {true, false}) {
                NetSocket.Waiter w = read ? s.reader : s.writer;
                if (w == null || w.deadline() == NO_DEADLINE || now - w.deadline() < 0) {
                    continue;
                }
                long[] r = w.attempt().run();
                unpark(s, read);
                if (r == null) {
                    r = w.onClose().clone();
                    r[0] = -Errno.ETIMEDOUT;
                    if (!read && s.channel instanceof SocketChannel c && c.isConnectionPending()) {
                        forget(s);
                    }
                }
                if (sockets.containsKey(s.handle)) {
                    updateInterest(s);
                }
                scheduler.wake(w.task(), r);
                woken++;
            }
        }
        return woken;
    }

    /** How long a selector wait may last before the earliest deadline, at most {@code limitMillis} (0 = no limit). */
    private long untilEarliestDeadline(long limitMillis) {
        if (timed == 0) {
            return limitMillis;
        }
        long earliest = Long.MAX_VALUE;
        long now = System.nanoTime();
        for (NetSocket s : sockets.values()) {
            for (NetSocket.Waiter w : new NetSocket.Waiter[] {s.reader, s.writer}) {
                if (w != null && w.deadline() != NO_DEADLINE) {
                    earliest = Math.min(earliest, Math.max(0, w.deadline() - now));
                }
            }
        }
        long millis = Math.max(1, (earliest + 999_999) / 1_000_000);
        return limitMillis == 0 ? millis : Math.min(limitMillis, millis);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE - 1 : r;
    }

    private void updateInterest(NetSocket s) {
        boolean server = s.channel instanceof ServerSocketChannel;
        boolean connecting = s.channel instanceof SocketChannel c && c.isConnectionPending();
        int ops = s.interest(server ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ,
                connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE);
        try {
            if (s.key == null) {
                if (ops == 0) {
                    return;
                }
                if (selector == null) {
                    selector = Selector.open();
                }
                s.key = s.channel.register(selector, ops, s);
            } else if (s.key.isValid()) {
                s.key.interestOps(ops);
            }
        } catch (IOException e) {
            throw new InterpreterFailure("the interpreter's socket selector failed: " + e.getMessage());
        }
    }

    /** Removes {@code s} and closes its channel, leaving its waiters to the caller. */
    private void forget(NetSocket s) {
        sockets.remove(s.handle);
        closeQuietly(s.channel);
    }

    private long add(java.nio.channels.SelectableChannel ch) {
        if (sockets.size() >= MAX_SOCKETS) {
            closeQuietly(ch);
            throw new InterpreterFailure("more than " + MAX_SOCKETS + " open sockets");
        }
        long h = nextHandle++;
        sockets.put(h, new NetSocket(h, ch));
        return h;
    }

    private DatagramChannel datagram(long handle) {
        NetSocket s = sockets.get(handle);
        return s != null && s.channel instanceof DatagramChannel c ? c : null;
    }

    private SocketChannel connected(long handle) {
        NetSocket s = sockets.get(handle);
        return s != null && s.channel instanceof SocketChannel c ? c : null;
    }

    /** An IPv4 address in host order (0x7f000001 = 127.0.0.1) and a port, cut to 16 bits as C's htons does. */
    private static InetSocketAddress address(long ipv4, long port) throws UnknownHostException {
        int a = (int) ipv4;
        byte[] bytes = {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        return new InetSocketAddress((Inet4Address) InetAddress.getByAddress(bytes), (int) (port & 0xffff));
    }

    private static void closeQuietly(java.nio.channels.Channel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing is best effort, as close(2)'s errors are for a socket being closed anyway
            }
        }
    }

    private static long[] one(long v) {
        return new long[] {v};
    }

    private static long[] error(long errno) {
        return new long[] {-errno};
    }
}
