package dev.vex.backend;

import dev.vex.async.LoweredModule;
import dev.vex.ir.Module;

/**
 * A machine Vex generates code for. vex-core names no concrete target: each lives in its own
 * module ({@code vex-codegen-x64}, {@code vex-codegen-aarch64}) and is handed to whoever runs the
 * code (the JIT, the AOT writer).
 */
public interface Target {
    /** The target's short name: {@code x64}, {@code aarch64}. */
    String name();

    /**
     * The features beyond the scalar core that this target compiles. A module whose functions
     * use another one must not be given to {@link #compile}: engines report such functions as
     * not compiled, naming the feature.
     */
    default java.util.Set<dev.vex.ir.IrFeature> irFeatures() {
        return java.util.Set.of();
    }

    /**
     * Compiles a verified module into one code buffer: every function, plus for each one an
     * array-call entry (see {@link CompiledFunction#arrayEntrySymbol()}).
     *
     * @throws BackendException if the module uses something this target cannot compile
     */
    CompiledModule compile(Module module, CompileOptions options);

    /**
     * Compiles a module that {@link dev.vex.async.AsyncLowering} produced: every function as by
     * {@link #compile(Module, CompileOptions)}, and for each of its layouts the async function's
     * descriptor {@code f$desc} (see the backend duties in {@code dev.vex.async}'s package
     * comment), with a {@link CompiledFunction} named {@code f} whose symbol is {@code f$resume}.
     * A target that has no async support compiles only modules without async functions.
     *
     * @throws BackendException if the module uses something this target cannot compile
     */
    default CompiledModule compile(LoweredModule lowered, CompileOptions options) {
        if (!lowered.layouts().isEmpty()) {
            String first = lowered.layouts().keySet().iterator().next();
            throw new BackendException(first, "the " + name() + " target does not compile async functions yet");
        }
        return compile(lowered.module(), options);
    }
}
