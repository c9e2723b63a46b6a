package dev.vex.runtime.jit;

import dev.vex.backend.CompileOptions;
import dev.vex.compile.Target;
import dev.vex.diag.VexException;
import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.exec.Outcome;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import dev.vex.runtime.NativeFunction;
import dev.vex.runtime.NativeModule;
import dev.vex.runtime.Vex;
import dev.vex.runtime.VexCallException;
import dev.vex.runtime.VexTrapException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A native target as an {@link Engine}: compiles the module with the target, links it into this
 * process and calls functions through {@link NativeFunction#invokeBits}.
 *
 * <p>Loading compiles the module's functions together (async ones lowered to resume functions).
 * If that fails, each function is compiled again on its own with the functions it calls, so one
 * construct the compiler does not handle yet fails only the run lines of the functions that use
 * it, each with the reason.
 *
 * <p>A sync function is called on a thread of its own with a large stack ({@link
 * NativeCallThread}): conformance tests use stack slots of a MiB, more than a Java thread's
 * default stack. An async function runs as a task on a fresh runtime (2 workers unless told) per run line
 * ({@link AsyncRunLine}); a trap in it is a {@link Outcome.Trapped} as for sync code.
 */
public final class NativeEngine implements Engine {
    private final String name;
    private final String isa;
    private final Supplier<Target> target;
    private final int workers;
    private final CompileOptions options;
    private Target compiler;
    private String unavailable;

    /**
     * @param name   the engine's name ({@code x64})
     * @param isa    the ISA name of test files' {@code target} lines it runs ({@code x86_64})
     * @param target makes the compiler; may throw {@link JitException} when it is not in the build
     */
    public NativeEngine(String name, String isa, Supplier<Target> target) {
        this(name, isa, target, AsyncRunLine.WORKERS);
    }

    /**
     * As {@link #NativeEngine(String, String, Supplier)}; an async function runs on a runtime of
     * {@code workers} worker threads.
     */
    public NativeEngine(String name, String isa, Supplier<Target> target, int workers) {
        this(name, isa, target, workers, CompileOptions.DEFAULT);
    }

    /** As {@link #NativeEngine(String, String, Supplier, int)}, compiling with {@code options}. */
    public NativeEngine(String name, String isa, Supplier<Target> target, int workers, CompileOptions options) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.name = name;
        this.isa = isa;
        this.target = target;
        this.workers = workers;
        this.options = options;
    }

    /** The engine of {@code target}, with its async run lines on {@code workers} worker threads. */
    public static NativeEngine of(Target target, int workers) {
        return of(target, workers, CompileOptions.DEFAULT);
    }

    /** As {@link #of(Target, int)}, compiling with {@code options}. */
    public static NativeEngine of(Target target, int workers, CompileOptions options) {
        return new NativeEngine(target.name(), target.clifIsaName(), () -> target, workers, options);
    }

    /** Bit-exact NaNs only when compiling with NaN canonicalization. */
    @Override
    public boolean canonicalNaNs() {
        return options.nanCanonicalization();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String skipReason(List<String> targetIsas) {
        if (!name.equals(Targets.hostName())) {
            return "this machine cannot run " + name + " code";
        }
        if (compiler() == null) {
            return unavailable;
        }
        if (!targetIsas.contains(isa)) {
            return targetIsas.isEmpty() ? "the file names no target; " + name + " runs files with 'target " + isa + "'"
                    : "the file targets only " + String.join(", ", targetIsas);
        }
        return null;
    }

    /** A {@code test run} file that names no target runs on the host, as in Cranelift. */
    @Override
    public String skipReason(List<String> targetIsas, List<String> tests) {
        if (targetIsas.isEmpty() && tests.contains("run") && name.equals(Targets.hostName()) && compiler() != null) {
            return null;
        }
        return skipReason(targetIsas);
    }

    /** A function that uses a feature the target does not list in {@link Target#irFeatures()}. */
    @Override
    public String skipReason(Function function) {
        Target compiler = compiler();
        if (compiler == null) {
            return unavailable;
        }
        return dev.vex.compile.FeatureCheck.reason(function, compiler);
    }

    @Override
    public LoadedModule load(Module module) {
        Target compiler = compiler();
        if (compiler == null) {
            throw new JitException(unavailable);
        }
        List<Function> sync = module.functions();
        Map<String, NativeFunction> callable = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        List<NativeModule> loaded = new ArrayList<>();
        if (!sync.isEmpty()) {
            try {
                NativeModule whole = compile(sync, compiler, options);
                loaded.add(whole);
                for (Function f : sync) {
                    callable.put(f.name(), whole.function(f.name()));
                }
            } catch (RuntimeException wholeFailed) {
                for (Function f : sync) {
                    try {
                        NativeModule alone = compile(withCallees(module, f), compiler, options);
                        loaded.add(alone);
                        callable.put(f.name(), alone.function(f.name()));
                    } catch (RuntimeException e) {
                        failures.put(f.name(), describe(e));
                    }
                }
            }
        }
        return new Loaded(module, callable, failures, loaded, workers);
    }

    /** The compiler, made once; null (with the reason in {@link #unavailable}) if it is not in the build. */
    private synchronized Target compiler() {
        if (compiler == null && unavailable == null) {
            try {
                compiler = target.get();
            } catch (JitException e) {
                unavailable = e.getMessage();
            }
        }
        return compiler;
    }

    private static NativeModule compile(List<Function> functions, Target compiler, CompileOptions options) {
        ModuleBuilder b = new ModuleBuilder();
        functions.forEach(b::add);
        return Vex.compile(b.build(), compiler, options);
    }

    /** {@code f} and every function it reaches through calls, {@code f} first. */
    private static List<Function> withCallees(Module module, Function f) {
        Set<Function> seen = new LinkedHashSet<>();
        Deque<Function> work = new ArrayDeque<>();
        work.add(f);
        while (!work.isEmpty()) {
            Function g = work.poll();
            if (seen.add(g)) {
                for (FuncRef ref : g.funcRefs()) {
                    Function callee = module.resolve(ref);
                    if (callee != null && !seen.contains(callee)) {
                        work.add(callee);
                    }
                }
            }
        }
        return new ArrayList<>(seen);
    }

    /** A compiler failure in one line; an exception that is not a VexException is a compiler bug. */
    private static String describe(RuntimeException e) {
        return e instanceof VexException ? e.getMessage()
                : "internal error in the compiler: " + e;
    }

    private static final class Loaded implements LoadedModule {
        private final Module module;
        private final Map<String, NativeFunction> callable;
        private final Map<String, String> failures;
        private final List<NativeModule> modules;
        private final int workers;

        Loaded(Module module, Map<String, NativeFunction> callable, Map<String, String> failures,
                List<NativeModule> modules, int workers) {
            this.workers = workers;
            this.module = module;
            this.callable = callable;
            this.failures = failures;
            this.modules = modules;
        }

        @Override
        public Outcome invoke(String function, long[] args) {
            Function fn = module.function(function);
            if (fn == null) {
                return new Outcome.Failed("no function %" + function);
            }
            NativeFunction nf = callable.get(function);
            if (nf == null) {
                return new Outcome.Failed("cannot compile %" + function + ": " + failures.get(function));
            }
            if (fn.isAsync()) {
                return AsyncRunLine.run(nf, args, workers);
            }
            try {
                return NativeCallThread.call(() -> new Outcome.Returned(nf.invokeBits(args)));
            } catch (VexTrapException t) {
                if (t.trapCode() == null) {
                    return new Outcome.Failed("trap with unknown code " + t.codeNumber() + " in %" + t.function());
                }
                return new Outcome.Trapped(t.trapCode(), t.function());
            } catch (VexCallException e) {
                return new Outcome.Failed(e.getMessage());
            }
        }

        @Override
        public void close() {
            modules.forEach(NativeModule::close);
        }
    }
}
