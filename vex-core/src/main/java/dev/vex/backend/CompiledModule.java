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
 */
public record CompiledModule(String targetName, byte[] code, List<SymbolDefinition> symbols,
        List<Relocation> relocations, List<CompiledFunction> functions, String listing) {
    public CompiledModule {
        symbols = List.copyOf(symbols);
        relocations = List.copyOf(relocations);
        functions = List.copyOf(functions);
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
