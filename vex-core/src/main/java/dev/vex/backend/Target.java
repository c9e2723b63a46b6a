package dev.vex.backend;

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
     * Compiles a verified module into one code buffer: every function, plus for each one an
     * array-call entry (see {@link CompiledFunction#arrayEntrySymbol()}).
     *
     * @throws BackendException if the module uses something this target cannot compile
     */
    CompiledModule compile(Module module, CompileOptions options);
}
