package dev.vex.runtime;

import dev.vex.async.FrameSize;
import dev.vex.async.FrameSizes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The frames of the runtime's leaf futures, read from the descriptors libvexrt exports
 * ({@code vex_sleep_desc} for {@code %vex_sleep}): the runtime is the one source of truth for
 * them, so the async lowering embeds exactly the frame the C resume function expects.
 */
public final class RuntimeFrameSizes implements FrameSizes {
    private static final RuntimeFrameSizes INSTANCE = new RuntimeFrameSizes();

    private final Map<String, Optional<FrameSize>> known = new ConcurrentHashMap<>();

    private RuntimeFrameSizes() {
    }

    /** The sizes of the loaded libvexrt, read once. */
    public static RuntimeFrameSizes instance() {
        return INSTANCE;
    }

    @Override
    public FrameSize frameOf(String name) {
        return known.computeIfAbsent(name, RuntimeFrameSizes::read).orElse(null);
    }

    private static Optional<FrameSize> read(String name) {
        try {
            FutureDescriptor d = FutureDescriptor.builtin(name);
            return Optional.of(new FrameSize(d.frameSize(), d.frameAlign()));
        } catch (VexRuntimeException e) {
            return Optional.empty(); // not one of the runtime's futures
        }
    }
}
