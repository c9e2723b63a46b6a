package dev.vex.runtime.cross;

import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.compile.Target;
import dev.vex.diag.VexException;
import dev.vex.exec.Engine;
import dev.vex.exec.LoadedModule;
import dev.vex.ir.FuncRef;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.ModuleBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target this machine cannot run natively as an {@link Engine}: each loaded module is compiled
 * to an ELF object and, on the first call, linked with a generated harness and the cross-built
 * runtime into one executable that makes every announced call ({@link LoadedModule#expect}) in
 * one run under qemu-user. See {@link CrossModule}.
 *
 * <p>Loading compiles the module's functions together; if that fails, each function is compiled
 * again with the functions it calls, alone. A function the target declines (a
 * {@link BackendException}: it uses something not selected yet) is reported as declined, so its
 * run lines are skipped; any other compile failure fails its run lines.
 */
public final class CrossEngine implements Engine {
    private final Target target;
    private final CrossToolchain tools;
    private final CompileOptions options;

    /** Compiles with {@link CompileOptions#AOT}: the target's baseline CPU, NaNs as the hardware makes them. */
    public CrossEngine(Target target) {
        this(target, false);
    }

    /**
     * @param nanCanonicalization compile with {@link CompileOptions#nanCanonicalization()}, so
     *                            that NaN results are checked bit for bit
     */
    public CrossEngine(Target target, boolean nanCanonicalization) {
        this.target = target;
        this.tools = new CrossToolchain(target.clifIsaName());
        this.options = CompileOptions.AOT.withNanCanonicalization(nanCanonicalization);
    }

    /** Bit-exact NaNs only when compiling with NaN canonicalization, as for a native engine. */
    @Override
    public boolean canonicalNaNs() {
        return options.nanCanonicalization();
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public String skipReason(List<String> targetIsas) {
        String missing = tools.missing();
        if (missing != null) {
            return "cannot run " + target.name() + " code here: " + missing;
        }
        if (!targetIsas.contains(target.clifIsaName())) {
            return targetIsas.isEmpty()
                    ? "the file names no target; " + name() + " runs files with 'target " + target.clifIsaName() + "'"
                    : "the file targets only " + String.join(", ", targetIsas);
        }
        return null;
    }

    /** A {@code test run} file that names no target runs here too, as on the host's engine. */
    @Override
    public String skipReason(List<String> targetIsas, List<String> tests) {
        if (targetIsas.isEmpty() && tests.contains("run") && tools.missing() == null) {
            return null;
        }
        return skipReason(targetIsas);
    }

    @Override
    public LoadedModule load(Module module) {
        Map<String, String> declined = new HashMap<>();
        Map<String, String> failed = new HashMap<>();
        List<Function> all = module.functions();
        List<Function> compilable = all;
        CompiledModule compiled;
        try {
            compiled = compile(all);
        } catch (RuntimeException wholeFailed) {
            // Find what compiles with its callees, then compile all of that as one object, so
            // that no function is defined twice in the executable.
            Set<Function> ok = new LinkedHashSet<>();
            for (Function f : all) {
                List<Function> group = withCallees(module, f);
                try {
                    compile(group);
                    ok.addAll(group);
                } catch (BackendException e) {
                    declined.put(f.name(), e.getMessage());
                } catch (VexException e) {
                    failed.put(f.name(), e.getMessage());
                } catch (RuntimeException e) {
                    failed.put(f.name(), "internal error in the compiler: " + e);
                }
            }
            compilable = all.stream().filter(ok::contains).toList();
            compiled = compilable.isEmpty() ? null : compile(compilable);
        }
        Map<String, String> entryOf = new HashMap<>();
        for (Function f : compilable) {
            entryOf.put(f.name(), compiled.function(f.name()).arrayEntrySymbol());
        }
        byte[] object = compiled == null ? null : new ElfObjectWriter(target.elfMachine()).write(compiled);
        return new CrossModule(module, tools, object, entryOf, declined, failed);
    }

    private CompiledModule compile(List<Function> functions) {
        ModuleBuilder b = new ModuleBuilder();
        functions.forEach(b::add);
        return target.compile(b.build(), options);
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
}
