package dev.vex.runtime.jit;

/** Where the JIT linker finds the symbols a module uses but does not define. */
public interface SymbolResolver {
    /** The address of function or data symbol {@code name}, or 0 if there is none. */
    long address(String name);

    /**
     * The thread-pointer offset of thread-local symbol {@code name} (initial-exec: the same for
     * every thread), or null if there is none.
     */
    Long threadPointerOffset(String name);
}
