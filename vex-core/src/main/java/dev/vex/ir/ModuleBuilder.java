package dev.vex.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects functions into a {@link Module}:
 * <pre>{@code
 * ModuleBuilder mb = new ModuleBuilder();
 * FunctionBuilder b = mb.function("add", Signature.of(List.of(I32, I32), List.of(I32)));
 * ...
 * Module m = mb.build();   // builds every function begun here that was not built yet
 * }</pre>
 */
public final class ModuleBuilder {
    private final List<Object> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Begins a sync function; it joins the module in this position. */
    public FunctionBuilder function(String name, Signature signature) {
        return begin(new FunctionBuilder(name, signature, false));
    }

    /** Begins an async function; it joins the module in this position. */
    public FunctionBuilder asyncFunction(String name, Signature signature) {
        return begin(new FunctionBuilder(name, signature, true));
    }

    /** Adds a function built elsewhere. */
    public ModuleBuilder add(Function function) {
        claim(function.name());
        entries.add(function);
        return this;
    }

    /** The module, with every function in the order it was begun or added. */
    public Module build() {
        List<Function> out = new ArrayList<>();
        for (Object e : entries) {
            out.add(e instanceof FunctionBuilder b ? b.build() : (Function) e);
        }
        return new Module(out);
    }

    private FunctionBuilder begin(FunctionBuilder b) {
        claim(b.name());
        entries.add(b);
        return b;
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IrBuildException("module already has a function %" + name);
        }
    }
}
