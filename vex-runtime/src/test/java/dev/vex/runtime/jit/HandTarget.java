package dev.vex.runtime.jit;

import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.Target;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.x64.asm.X64Assembler;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for the x64 compiler: each function of the module gets the hand-written body
 * registered under its name (with the IR's signature and a generated array entry). A function
 * with no body is refused with a {@link BackendException}, as the compiler refuses what it
 * cannot compile. Async functions are refused too.
 */
public final class HandTarget implements Target {
    private final Map<String, Consumer<X64Assembler>> bodies;
    private int compilations;

    public HandTarget(Map<String, Consumer<X64Assembler>> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    @Override
    public String name() {
        return "x64";
    }

    /** How many times {@link #compile} ran. */
    public int compilations() {
        return compilations;
    }

    @Override
    public CompiledModule compile(Module module, CompileOptions options) {
        compilations++;
        HandModule m = new HandModule();
        StringBuilder listing = new StringBuilder();
        for (Function f : module.functions()) {
            Consumer<X64Assembler> body = bodies.get(f.name());
            if (body == null || f.isAsync()) {
                throw new BackendException(f.name(), "no hand-written code for it");
            }
            m.function(f.name(), f.signature(), body);
            listing.append("%").append(f.name()).append(": hand-written\n");
        }
        CompiledModule c = m.build();
        return options.listing() ? new CompiledModule(c.targetName(), c.code(), c.symbols(), c.relocations(),
                c.functions(), listing.toString()) : c;
    }
}
