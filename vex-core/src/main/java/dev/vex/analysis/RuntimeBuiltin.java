package dev.vex.analysis;

import static dev.vex.ir.Type.I64;

import dev.vex.ir.Signature;
import dev.vex.ir.Type;
import java.util.List;

/**
 * The runtime builtins of ASYNC-IR.md: the one table of their names, signatures and kinds, for
 * the verifier, the interpreter and the backends. A callee declaration whose name is one of these
 * (and which no function of the module defines) refers to the builtin.
 */
public enum RuntimeBuiltin {
    /** Let other tasks run, then continue. */
    YIELD("vex_yield", true, List.of(), List.of()),
    /** Wait at least that many nanoseconds. */
    SLEEP("vex_sleep", true, List.of(I64), List.of()),
    /** Wait for a spawned task; its first result as an i64 bit pattern. */
    JOIN("vex_join", true, List.of(I64), List.of(I64)),
    /** Give up a task handle; the task runs to its end and is freed. */
    DETACH("vex_detach", false, List.of(I64), List.of()),
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
    FREE("vex_free", false, List.of(I64), List.of());

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

    /** As a declaration would write it: {@code async %vex_join(i64) -> i64}. */
    @Override
    public String toString() {
        return (isAsync ? "async %" : "%") + symbol + signature;
    }
}
