package dev.vex.runtime.jit;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.runtime.jna.VexLibrary;
import java.util.Map;

/**
 * A linked module in executable memory: the addresses of its symbols, and which function a
 * code address belongs to. Closing it unmaps the code.
 *
 * <p>The mapping is registered with the runtime's fault handler while it lives ({@code
 * vex_code_register}): a SIGSEGV or SIGBUS in this code, in a call through {@code vex_invoke} or
 * in a task, is a {@code heap_oob} trap instead of a crash of the process.
 */
public final class JitImage implements AutoCloseable {
    private final CompiledModule module;
    private final ExecutableMemory memory;
    private final Map<String, Integer> symbols;

    JitImage(CompiledModule module, ExecutableMemory memory, Map<String, Integer> symbols) {
        this.module = module;
        this.memory = memory;
        this.symbols = Map.copyOf(symbols);
        // -1 (the table full, or no handler) only means faults in this code stay fatal.
        VexLibrary.instance().vex_code_register(memory.address(), memory.size());
    }

    public CompiledModule module() {
        return module;
    }

    /** Where the image starts (the module's code offset 0). */
    public long base() {
        return memory.address();
    }

    /** The mapped size in bytes. */
    public long mappedSize() {
        return memory.size();
    }

    /** The address of a symbol the module defines. */
    public long address(String symbol) {
        Integer off = symbols.get(symbol);
        if (off == null) {
            throw new JitException("the module defines no symbol '" + symbol + "'");
        }
        return memory.address() + off;
    }

    /**
     * The function whose code holds {@code address}, or null. For a return address (the one a
     * trap reports) pass the address minus one: a call can be a function's last instruction.
     */
    public CompiledFunction functionAt(long address) {
        long off = address - memory.address();
        for (CompiledFunction f : module.functions()) {
            if (off >= f.offset() && off < (long) f.offset() + f.size()) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void close() {
        VexLibrary.instance().vex_code_unregister(memory.address());
        memory.close();
    }
}
