package dev.vex.runtime;

import dev.vex.analysis.ExternalCallees;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.compile.CompileDriver;
import dev.vex.compile.CompileListener;
import dev.vex.compile.FeatureCheck;
import dev.vex.compile.Target;
import dev.vex.ir.Module;
import dev.vex.runtime.jit.JitException;
import dev.vex.runtime.jit.JitImage;
import dev.vex.runtime.jit.JitLinker;
import dev.vex.runtime.jit.Targets;
import java.lang.ref.Reference;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

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

    /**
     * Verifies {@code module}, compiles it with {@code target} (which must match this machine) and
     * links it. Every function the module calls must be its own or a runtime builtin: nothing
     * else of the process (libc, say) is linked to it.
     */
    public static NativeModule compile(Module module, Target target) {
        return compile(module, target, CompileOptions.DEFAULT);
    }

    /** As {@link #compile(Module, Target)}, with {@code options} (for instance a CPU feature set). */
    public static NativeModule compile(Module module, Target target, CompileOptions options) {
        CompiledModule compiled = compileOnly(module, target, options); // verifies first
        String unlinkable = ExternalCallees.whyUnlinkable(module);
        if (unlinkable != null) {
            throw new JitException(unlinkable);
        }
        return load(compiled);
    }

    /**
     * The pipeline without linking ({@link CompileDriver}): verify (including the suspension-safety
     * and await-recursion checks), lower async functions to resume functions with the runtime's
     * leaf frames (constants: the runtime is not loaded), compile.
     */
    public static CompiledModule compileOnly(Module module, Target target, CompileOptions options) {
        FeatureCheck.require(module, target); // before lowering, which knows only the scalar core
        return target.compile(CompileDriver.lower(module, options, CompileListener.NONE), options);
    }

    /** Links code a target already compiled, for this machine. */
    public static NativeModule load(CompiledModule compiled) {
        checkHost(compiled);
        return new NativeModule(JitLinker.forRuntime().link(compiled));
    }

    /**
     * Verifies, compiles and links {@code module} for this machine, resolving the names it calls
     * but does not define in {@code symbols} first (host functions, functions of modules compiled
     * earlier, Java callbacks), then in the runtime. See {@link HostSymbols}.
     */
    public static NativeModule compile(Module module, HostSymbols symbols) {
        return load(compileOnly(module, Targets.host(), CompileOptions.DEFAULT), symbols);
    }

    /** {@link #load(CompiledModule)}, resolving external names in {@code symbols} first. */
    public static NativeModule load(CompiledModule compiled, HostSymbols symbols) {
        checkHost(compiled);
        Objects.requireNonNull(symbols, "symbols");
        // The modules this one calls stay mapped while it is: each counts as a call under way.
        Set<NativeModule> callees = new LinkedHashSet<>();
        JitImage image;
        try {
            image = JitLinker.forRuntime(name -> {
                long address = symbols.address(name);
                NativeModule provider = address == 0 ? null : symbols.provider(name);
                if (provider != null && !callees.contains(provider)) {
                    provider.enter(name);
                    callees.add(provider);
                }
                return address;
            }).link(compiled);
        } catch (RuntimeException e) {
            callees.forEach(NativeModule::exit);
            throw e;
        }
        image.beforeUnmap(() -> {
            callees.forEach(NativeModule::exit);
            Reference.reachabilityFence(symbols); // its Java callbacks live as long as the code
        });
        return new NativeModule(image);
    }

    private static void checkHost(CompiledModule compiled) {
        String host = Targets.hostName();
        if (!compiled.targetName().equals(host)) {
            throw new JitException("code for " + compiled.targetName() + " cannot run on this machine ("
                    + (host == null ? System.getProperty("os.arch") : host) + ")");
        }
    }
}
