package dev.vex.runtime;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.Target;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.JitException;
import dev.vex.runtime.jit.JitLinker;
import dev.vex.runtime.jit.Targets;
import dev.vex.verify.Verifier;

/**
 * Compiles IR to native code in this process.
 *
 * <pre>{@code
 * try (NativeModule m = Vex.compile(module)) {
 *     long sum = m.function("add").invokeLong(40, 2);
 * }
 * }</pre>
 */
public final class Vex {
    private Vex() {
    }

    /** Verifies {@code module}, compiles it for this machine and links it into executable memory. */
    public static NativeModule compile(Module module) {
        Verifier.check(module);
        return load(Targets.host().compile(module, CompileOptions.DEFAULT));
    }

    /** Verifies {@code module}, compiles it with {@code target} (which must match this machine) and links it. */
    public static NativeModule compile(Module module, Target target) {
        Verifier.check(module);
        return load(target.compile(module, CompileOptions.DEFAULT));
    }

    /** Links code a target already compiled, for this machine. */
    public static NativeModule load(CompiledModule compiled) {
        String host = Targets.hostName();
        if (!compiled.targetName().equals(host)) {
            throw new JitException("code for " + compiled.targetName() + " cannot run on this machine ("
                    + (host == null ? System.getProperty("os.arch") : host) + ")");
        }
        return new NativeModule(JitLinker.forRuntime().link(compiled));
    }
}
