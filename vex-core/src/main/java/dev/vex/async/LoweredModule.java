package dev.vex.async;

import dev.vex.ir.Module;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link AsyncLowering} produces: a module of sync functions only (every async function
 * replaced by its resume function {@code %f$resume}), and the frame layout of every async
 * function of the original module, by its name (in module order), which the backends publish in {@code %f$desc}.
 */
public record LoweredModule(Module module, Map<String, AsyncFrameLayout> layouts) {
    public LoweredModule {
        layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
    }

    /** The layout of the async function {@code name} (without {@code %}), or null if it is not one. */
    public AsyncFrameLayout layout(String name) {
        return layouts.get(name);
    }
}
