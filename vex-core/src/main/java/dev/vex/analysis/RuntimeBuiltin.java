package dev.vex.analysis;

import static dev.vex.ir.Type.I64;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.List;

/**
 * The runtime builtins: the one table of their names, signatures and kinds (async = awaited, sync
 * = called), for the verifier, the interpreter and the backends. A callee declaration whose name
 * is one of these (and which no function of the module defines) refers to the builtin, and must
 * declare exactly this signature and kind. {@code docs/BUILTINS.md} documents each one; a test
 * keeps it and this table in step.
 *
 * <p>Every value is an i64. I/O builtins return a result or a negative Linux errno
 * ({@code -ECONNRESET} = -104); handles are opaque non-zero i64 values.
 */
public enum RuntimeBuiltin {
    /** Let other tasks run, then continue. */
    YIELD("vex_yield", true, List.of(), List.of()),
    /** Wait at least that many nanoseconds. */
    SLEEP("vex_sleep", true, List.of(I64), List.of()),
    /** Wait for a spawned task; its first result as an i64 bit pattern. */
    JOIN("vex_join", true, List.of(I64), List.of(I64)),
    /** Wait for a spawned task; (status, value): 0 completed, 1 cancelled, 2 failed (value = trap code). */
    JOIN_STATUS("vex_join_status", true, List.of(I64), List.of(I64, I64)),
    /** Give up a task handle; the task runs to its end and is freed. */
    DETACH("vex_detach", false, List.of(I64), List.of()),
    /** Ask a task to stop: it ends at its next suspension (at once when it is waiting); its join reports cancelled. */
    CANCEL("vex_cancel", false, List.of(I64), List.of()),
    /** A channel of i64 values with that capacity (0 = rendezvous). */
    CHAN_NEW("vex_chan_new", false, List.of(I64), List.of(I64)),
    /** Send; 0 = sent, 1 = channel closed. */
    CHAN_SEND("vex_chan_send", true, List.of(I64, I64), List.of(I64)),
    /** Receive; (0, value), or (1, 0) once closed and drained. */
    CHAN_RECV("vex_chan_recv", true, List.of(I64), List.of(I64, I64)),
    /** Close a channel. */
    CHAN_CLOSE("vex_chan_close", false, List.of(I64), List.of()),
    /** Heap memory of that many bytes. */
    ALLOC("vex_alloc", false, List.of(I64), List.of(I64)),
    /** Free heap memory from {@link #ALLOC}. */
    FREE("vex_free", false, List.of(I64), List.of()),
    /** (IPv4 address, port): a listening TCP socket, or -errno. */
    TCP_LISTEN("vex_tcp_listen", true, List.of(I64, I64), List.of(I64)),
    /** (listener): the next accepted connection, or -errno. */
    TCP_ACCEPT("vex_tcp_accept", true, List.of(I64), List.of(I64)),
    /** (IPv4 address, port): a connected TCP socket, or -errno. */
    TCP_CONNECT("vex_tcp_connect", true, List.of(I64, I64), List.of(I64)),
    /** (socket, buffer, length): bytes read, 0 at end of stream, or -errno. */
    TCP_READ("vex_tcp_read", true, List.of(I64, I64, I64), List.of(I64)),
    /** (socket, buffer, length): bytes written (at least 1 unless length is 0), or -errno. */
    TCP_WRITE("vex_tcp_write", true, List.of(I64, I64, I64), List.of(I64)),
    /** (socket): 0, or -errno; the handle is dead afterwards. */
    TCP_CLOSE("vex_tcp_close", true, List.of(I64), List.of(I64)),
    /** (socket): the locally bound port, or -errno. */
    TCP_LOCAL_PORT("vex_tcp_local_port", false, List.of(I64), List.of(I64)),
    /** (socket): half-close, no more writes; 0 or -errno. */
    TCP_SHUTDOWN("vex_tcp_shutdown", false, List.of(I64), List.of(I64)),
    /** (IPv4 address, port, flags): {@link #TCP_LISTEN} with flags (1 = SO_REUSEPORT), or -errno. */
    TCP_LISTEN_WITH("vex_tcp_listen_with", true, List.of(I64, I64, I64), List.of(I64)),
    /**
     * (socket, option, value): 0 or -errno; options 1 TCP_NODELAY, 2 SO_REUSEADDR, 3 SO_REUSEPORT,
     * 4 SO_KEEPALIVE (value 0 off, else on), 5 receive timeout, 6 send timeout (nanoseconds, 0 = none).
     */
    TCP_SET_OPTION("vex_tcp_set_option", false, List.of(I64, I64, I64), List.of(I64)),
    /** (IPv4 address, port, timeout in ns): {@link #TCP_CONNECT} that gives up with -ETIMEDOUT (0 = no limit). */
    TCP_CONNECT_WITH("vex_tcp_connect_with", true, List.of(I64, I64, I64), List.of(I64)),
    /** (socket): the peer's IPv4 address, or -errno. */
    TCP_PEER_ADDR("vex_tcp_peer_addr", false, List.of(I64), List.of(I64)),
    /** (socket): the peer's port, or -errno. */
    TCP_PEER_PORT("vex_tcp_peer_port", false, List.of(I64), List.of(I64)),
    /** (IPv4 address, port): a bound UDP socket, or -errno. */
    UDP_BIND("vex_udp_bind", false, List.of(I64, I64), List.of(I64)),
    /** (socket, buffer, length, IPv4 address, port): one datagram; bytes sent, or -errno. */
    UDP_SEND_TO("vex_udp_send_to", true, List.of(I64, I64, I64, I64, I64), List.of(I64)),
    /** (socket, buffer, length): one datagram; (bytes or -errno, sender's address, sender's port). */
    UDP_RECV_FROM("vex_udp_recv_from", true, List.of(I64, I64, I64), List.of(I64, I64, I64)),
    /** (socket): 0, or -errno; the handle is dead afterwards. */
    UDP_CLOSE("vex_udp_close", false, List.of(I64), List.of(I64)),
    /**
     * (operations, count, timeout ns): waits for the first of count channel operations
     * ({kind, channel, value} triples in memory; kind 0 receive, 1 send) or the deadline
     * (timeout below 0: none, 0: do not wait); (index or -1 on timeout, status 0 done or 1 closed, value received).
     */
    SELECT("vex_select", true, List.of(I64, I64, I64), List.of(I64, I64, I64)),
    /** A new, empty task scope; 0 on failure. */
    SCOPE_NEW("vex_scope_new", false, List.of(), List.of(I64)),
    /** (scope, task): moves the task handle into the scope; 0, or a negative error (nothing consumed). */
    SCOPE_ADD("vex_scope_add", false, List.of(I64, I64), List.of(I64)),
    /** (scope): cancels every task of the scope still running; 0 or a negative error. */
    SCOPE_CANCEL("vex_scope_cancel", false, List.of(I64), List.of(I64)),
    /**
     * (scope): waits for every task of the scope; (0, 0) all completed, (2, trap code) the first
     * failure (the rest cancelled), (1, 0) cancelled. Consumes the scope handle.
     */
    SCOPE_JOIN("vex_scope_join", true, List.of(I64), List.of(I64, I64));

    private final String symbol;
    private final boolean isAsync;
    private final Signature signature;

    RuntimeBuiltin(String symbol, boolean isAsync, List<Type> params, List<Type> returns) {
        this.symbol = symbol;
        this.isAsync = isAsync;
        this.signature = Signature.of(params, returns);
    }

    /** The builtin named {@code name} (without {@code %}), or null. */
    public static RuntimeBuiltin named(String name) {
        for (RuntimeBuiltin b : values()) {
            if (b.symbol.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** The name without {@code %}: {@code vex_yield}. */
    public String symbol() {
        return symbol;
    }

    /** Whether it is awaited (async) or called (sync). */
    public boolean isAsync() {
        return isAsync;
    }

    /** Its signature: plain types, no flags, no named convention. */
    public Signature signature() {
        return signature;
    }

    /** How many parameters it takes. */
    public int paramCount() {
        return signature.params().size();
    }

    /** How many results it returns. */
    public int resultCount() {
        return signature.returns().size();
    }

    /** As a declaration would write it: {@code async %vex_join(i64) -> i64}. */
    @Override
    public String toString() {
        return (isAsync ? "async %" : "%") + symbol + signature;
    }
}
