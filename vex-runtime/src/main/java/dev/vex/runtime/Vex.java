package dev.vex.runtime;

import dev.vex.async.AsyncLowering;
import dev.vex.async.LoweredModule;
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
 * try (NativeModule m = Vex.compile(asyncModule); VexRuntime rt = VexRuntime.create(2)) {
 *     Object r = rt.blockOn(m.function("fetch_and_process"), 7L);   // an async function, as a task
 * }
 * }</pre>
 */
public final class Vex {
    private Vex() {
    }

    /** Verifies {@code module}, compiles it for this machine and links it into executable memory. */
    public static NativeModule compile(Module module) {
        return compile(module, Targets.host());
    }

    /** Verifies {@code module}, compiles it with {@code target} (which must match this machine) and links it. */
    public static NativeModule compile(Module module, Target target) {
        return load(compileOnly(module, target, CompileOptions.DEFAULT));
    }

    /**
     * The pipeline without linking: verify (including the suspension-safety and await-recursion
     * checks), lower async functions to resume functions with the runtime's leaf frames, compile.
     */
    public static CompiledModule compileOnly(Module module, Target target, CompileOptions options) {
        Verifier.check(module);
        dev.vex.backend.FeatureCheck.require(module, target);
        LoweredModule lowered = AsyncLowering.lower(module, RuntimeFrameSizes.instance());
        return target.compile(lowered, options);
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
