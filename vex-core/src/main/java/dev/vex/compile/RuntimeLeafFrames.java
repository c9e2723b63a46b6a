package dev.vex.compile;

import dev.vex.async.FrameSize;
import dev.vex.async.FrameSizes;
import java.util.Map;

/**
 * The frames of the C runtime's leaf futures, fixed ABI constants (the {@code VEX_*_FRAME_SIZE}
 * macros of vex_runtime.h, vex_net.h, vex_select.h and vex_scope.h; every leaf frame is 8-byte aligned). They are constants so that
 * compiling never loads the runtime; the runtime's C tests check each against the header and the
 * exported descriptor ({@code test_abi_constants.c}), and a Java test checks that C table
 * against this one.
 */
public final class RuntimeLeafFrames {
    /** Every leaf by its IR name (without {@code %}). */
    public static final Map<String, FrameSize> FRAMES = Map.ofEntries(
            Map.entry("vex_yield", new FrameSize(8, 8)),
            Map.entry("vex_sleep", new FrameSize(80, 8)),
            Map.entry("vex_join", new FrameSize(16, 8)),
            Map.entry("vex_join_status", new FrameSize(24, 8)),
            Map.entry("vex_chan_send", new FrameSize(64, 8)),
            Map.entry("vex_chan_recv", new FrameSize(64, 8)),
            Map.entry("vex_tcp_listen", new FrameSize(104, 8)),
            Map.entry("vex_tcp_accept", new FrameSize(104, 8)),
            Map.entry("vex_tcp_connect", new FrameSize(104, 8)),
            Map.entry("vex_tcp_read", new FrameSize(104, 8)),
            Map.entry("vex_tcp_write", new FrameSize(104, 8)),
            Map.entry("vex_tcp_close", new FrameSize(104, 8)),
            Map.entry("vex_tcp_listen_with", new FrameSize(104, 8)),
            Map.entry("vex_tcp_connect_with", new FrameSize(104, 8)),
            Map.entry("vex_udp_send_to", new FrameSize(112, 8)),
            Map.entry("vex_udp_recv_from", new FrameSize(112, 8)),
            Map.entry("vex_select", new FrameSize(136, 8)),
            Map.entry("vex_scope_join", new FrameSize(24, 8)));

    /** {@link #FRAMES} as the async lowering asks for them. */
    public static final FrameSizes SIZES = FrameSizes.of(FRAMES);

    private RuntimeLeafFrames() {
    }
}
