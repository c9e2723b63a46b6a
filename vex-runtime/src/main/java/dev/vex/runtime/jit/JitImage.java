package dev.vex.runtime.jit;

import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.SymbolDefinition;
import dev.vex.runtime.jna.VexLibrary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Run before the code is unmapped: withdrawing it from debuggers ({@link CodeEvents}). */
    private final List<Runnable> beforeUnmap = new ArrayList<>(1);

    JitImage(CompiledModule module, ExecutableMemory memory, Map<String, Integer> symbols) {
        this.module = module;
        this.memory = memory;
        this.symbols = Map.copyOf(symbols);
        // -1 (the table full, or no handler) only means faults in this code stay fatal.
        VexLibrary.instance().vex_code_register(memory.address(), memory.size());
    }

    /** What was linked. */
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

    /**
     * The module's code as named ranges: every function (sized by the compiler), then every other
     * code symbol it defines outside them (array entries), sized up to the next symbol. Data
     * symbols (async descriptors) are left out.
     */
    public List<CodeSymbol> codeSymbols() {
        List<CodeSymbol> out = new ArrayList<>();
        Set<String> skip = new HashSet<>();
        for (CompiledFunction f : module.functions()) {
            out.add(new CodeSymbol(f.symbol(), base() + f.offset(), f.size()));
            skip.add(f.symbol());
            if (f.descriptorSymbol() != null) {
                skip.add(f.descriptorSymbol());
            }
        }
        List<SymbolDefinition> defs = new ArrayList<>(module.symbols());
        defs.sort(Comparator.comparingInt(SymbolDefinition::offset));
        int codeEnd = module.code().length;
        for (int i = 0; i < defs.size(); i++) {
            SymbolDefinition d = defs.get(i);
            if (skip.contains(d.name()) || d.offset() >= codeEnd || functionAt(base() + d.offset()) != null) {
                continue;
            }
            int end = codeEnd;
            for (int j = i + 1; j < defs.size(); j++) {
                if (defs.get(j).offset() > d.offset()) {
                    end = Math.min(end, defs.get(j).offset());
                    break;
                }
            }
            out.add(new CodeSymbol(d.name(), base() + d.offset(), end - d.offset()));
        }
        return out;
    }

    /**
     * Runs {@code action} when the image is closed, before its code is unmapped; the image keeps
     * {@code action} (and what it refers to) reachable until then.
     */
    public synchronized void beforeUnmap(Runnable action) {
        beforeUnmap.add(action);
    }

    @Override
    public void close() {
        List<Runnable> actions;
        synchronized (this) {
            actions = new ArrayList<>(beforeUnmap);
            beforeUnmap.clear();
        }
        try {
            for (Runnable r : actions) {
                r.run();
            }
        } finally {
            VexLibrary.instance().vex_code_unregister(memory.address());
            memory.close();
        }
    }
}
