package dev.vex.runtime;

import dev.vex.text.ClifReader;
import java.util.concurrent.CompletableFuture;

/**
 * {@link VexRuntime#hostFuture}: a Java future delivered into a one-value channel that IR awaits
 * with {@code %vex_chan_recv}. The channel (capacity 1) parks the awaiting task; the future's
 * completion spawns {@code %vex_host_deliver}, which sends the value and closes the channel, so
 * the task wakes with {@code (0, value)}. A future that fails or is cancelled closes the channel
 * from Java, and the task wakes with {@code (1, 0)}. Nothing in Java waits.
 */
final class HostFutures {
    private static final String DELIVER = """
            async function %vex_host_deliver(i64, i64) {
                fn0 = async %vex_chan_send(i64, i64) -> i64
                fn1 = %vex_chan_close(i64)
            block0(v0: i64, v1: i64):
                v2 = await fn0(v0, v1)
                call fn1(v0)
                return
            }
            """;

    /** Compiled on first use and never closed: every runtime spawns deliveries of it. */
    private static volatile NativeFunction deliver;

    private HostFutures() {
    }

    static long channelFor(VexRuntime runtime, CompletableFuture<? extends Number> future) {
        NativeFunction d = deliver();
        long ch = runtime.newChannel(1);
        future.whenComplete((v, e) -> {
            try {
                if (e == null && v != null) {
                    runtime.spawn(d, ch, bits(v)).detach();
                } else {
                    runtime.closeChannel(ch); // failed, cancelled, or completed with null
                }
            } catch (VexRuntimeException closed) {
                // The runtime closed first: its tasks are cancelled and its channels gone.
            }
        });
        return ch;
    }

    /** Integers as they are; {@code Float} and {@code Double} as their IEEE 754 bits. */
    private static long bits(Number v) {
        if (v instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        if (v instanceof Float f) {
            return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
        }
        return v.longValue();
    }

    private static NativeFunction deliver() {
        NativeFunction f = deliver;
        if (f == null) {
            synchronized (HostFutures.class) {
                f = deliver;
                if (f == null) {
                    f = Vex.compile(ClifReader.readModule(DELIVER, "vex_host_deliver.clif")).function("vex_host_deliver");
                    deliver = f;
                }
            }
        }
        return f;
    }
}
