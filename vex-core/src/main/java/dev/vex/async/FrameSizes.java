package dev.vex.async;

import java.util.Map;

/**
 * The frames of the awaitables that the module does not define: the runtime's leaf futures
 * ({@code vex_yield}, {@code vex_sleep}, {@code vex_join}, {@code vex_chan_send},
 * {@code vex_chan_recv}) and any C future a user registers. The runtime is the one source of
 * truth for these (its descriptors); vex-runtime supplies an implementation that reads them.
 */
@FunctionalInterface
public interface FrameSizes {
    /** The frame of the awaitable {@code name} (without {@code %}), or null if it is unknown. */
    FrameSize frameOf(String name);

    /** A fixed table. */
    static FrameSizes of(Map<String, FrameSize> table) {
        Map<String, FrameSize> copy = Map.copyOf(table);
        return copy::get;
    }
}
