package dev.vex.runtime.jit;

import java.util.function.ToLongFunction;

/**
 * The resolver a module is linked with when its compiler was given host symbols: the host's
 * names first (the embedder's functions, other modules, Java callbacks), then the runtime's
 * (libvexrt, the process, libm, libc). Thread-local symbols are the runtime's only.
 */
final class HostFirstResolver implements SymbolResolver {
    private final ToLongFunction<String> host;
    private final SymbolResolver runtime;

    HostFirstResolver(ToLongFunction<String> host, SymbolResolver runtime) {
        this.host = host;
        this.runtime = runtime;
    }

    @Override
    public long address(String name) {
        long a = host.applyAsLong(name);
        return a != 0 ? a : runtime.address(name);
    }

    @Override
    public Long threadPointerOffset(String name) {
        return runtime.threadPointerOffset(name);
    }
}
