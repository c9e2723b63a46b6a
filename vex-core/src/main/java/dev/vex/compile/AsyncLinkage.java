package dev.vex.compile;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.AsyncSymbols;
import dev.vex.async.LoweredModule;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.code.Relocation;
import dev.vex.code.SymbolDefinition;
import dev.vex.ir.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of a compiled async module (the rules are {@link AsyncSymbols}'): relocations to
 * names the module does not define become their runtime symbols ({@code %vex_sleep$resume} is
 * {@code vex_sleep}, {@code %vex_sleep$desc} is {@code vex_sleep_desc}), and each resume function
 * is reported as its async function ({@code f}, symbol {@code f$resume}, descriptor
 * {@code f$desc}).
 */
final class AsyncLinkage {
    private AsyncLinkage() {
    }

    static CompiledModule link(CompiledModule compiled, LoweredModule lowered) {
        Set<String> defined = new HashSet<>();
        for (SymbolDefinition s : compiled.symbols()) {
            defined.add(s.name());
        }
        List<Relocation> relocations = new ArrayList<>();
        for (Relocation r : compiled.relocations()) {
            String symbol = defined.contains(r.symbol()) ? r.symbol()
                    : AsyncSymbols.symbolOf(r.symbol(), lowered.module());
            relocations.add(symbol.equals(r.symbol()) ? r
                    : new Relocation(r.offset(), r.format(), symbol, r.addend()));
        }
        List<CompiledFunction> functions = new ArrayList<>();
        for (CompiledFunction f : compiled.functions()) {
            AsyncFrameLayout layout = asyncFunctionOf(f.name(), lowered);
            if (layout == null) {
                functions.add(f);
            } else {
                String name = layout.function();
                functions.add(new CompiledFunction(name, Signature.of(layout.paramTypes(), layout.resultTypes()), true,
                        f.symbol(), f.offset(), f.size(), null, AsyncSymbols.descriptorName(name)));
            }
        }
        return new CompiledModule(compiled.targetName(), compiled.code(), compiled.symbols(), relocations, functions,
                compiled.listing(), compiled.dataStart(), compiled.dataReferences());
    }

    /** The layout of the async function whose resume function is {@code name}, or null. */
    private static AsyncFrameLayout asyncFunctionOf(String name, LoweredModule lowered) {
        if (!name.endsWith(AsyncSymbols.RESUME_SUFFIX)) {
            return null;
        }
        return lowered.layout(name.substring(0, name.length() - AsyncSymbols.RESUME_SUFFIX.length()));
    }
}
