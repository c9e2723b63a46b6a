package dev.vex.backend;

import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import java.util.List;

/**
 * The output of a {@link dev.vex.compile.Target}: position-independent code with its symbols and the relocations
 * still to apply, ready for the JIT's linker or the ELF object writer.
 *
 * @param targetName  the target that made it
 * @param code        the machine code of every function and entry, back to back
 * @param symbols     where each symbol defined in {@code code} starts
 * @param relocations the places still to patch: calls to runtime symbols, TLS accesses, ...
 * @param functions   the module's functions, in module order
 * @param listing     a readable assembly listing, or null if it was not asked for
 * @param dataStart   where read-only data (async descriptors) starts in {@code code}; {@code code.length}
 *                    when there is none. The JIT maps code and data as one image; an object writer
 *                    puts {@code [dataStart, code.length)} in a data section
 * @param dataReferences the references from code to that data that were resolved within
 *                    {@code code} (pc-relative label uses), as relocations naming the data's
 *                    symbols: a writer that separates the data must keep them as relocations
 */
public record CompiledModule(String targetName, byte[] code, List<SymbolDefinition> symbols,
        List<Relocation> relocations, List<CompiledFunction> functions, String listing, int dataStart,
        List<Relocation> dataReferences) {
    public CompiledModule {
        symbols = List.copyOf(symbols);
        relocations = List.copyOf(relocations);
        functions = List.copyOf(functions);
        dataReferences = List.copyOf(dataReferences);
        if (dataStart < 0 || dataStart > code.length) {
            throw new IllegalArgumentException("data start " + dataStart + " outside [0, " + code.length + "]");
        }
    }

    /** A module of code only: no data section. */
    public CompiledModule(String targetName, byte[] code, List<SymbolDefinition> symbols,
            List<Relocation> relocations, List<CompiledFunction> functions, String listing) {
        this(targetName, code, symbols, relocations, functions, listing, code.length, List.of());
    }

    /** The function named {@code name}, or null. */
    public CompiledFunction function(String name) {
        for (CompiledFunction f : functions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
