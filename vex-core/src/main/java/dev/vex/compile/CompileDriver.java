package dev.vex.compile;

import dev.vex.async.AsyncLowering;
import dev.vex.async.AsyncSymbols;
import dev.vex.async.FrameSize;
import dev.vex.async.FrameSizes;
import dev.vex.async.LoweredModule;
import dev.vex.async.PreemptionChecks;
import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.LinearScan;
import dev.vex.backend.regalloc.RegisterAllocationChecker;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.verify.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one compile pipeline, for every target (the diagram and each stage's invariant are in this
 * package's comment): verify → async lowering → per function isel → {@link LinearScan} →
 * optional {@link RegisterAllocationChecker} → emit, all into one {@link CodeBuffer}; then the
 * array entries, the async descriptors and the symbol names. The {@link Target} supplies only the
 * ISA's parts ({@link CodeGenerator}). The result depends on the module and the
 * {@link CompileOptions} alone, except where the options ask for the host's CPU features.
 */
public final class CompileDriver {
    /** Functions and entries start at multiples of this (one cache line's quarter; what x86 and A64 compilers use). */
    static final int FUNCTION_ALIGNMENT = 16;

    private CompileDriver() {
    }

    /**
     * The whole pipeline: verifies {@code module} (including the async checks), lowers its async
     * functions (the runtime's leaf frames are {@link RuntimeLeafFrames}) and compiles it.
     *
     * @throws dev.vex.verify.VerifyException if the module does not verify
     * @throws BackendException if the module uses something {@code target} cannot compile
     */
    public static CompiledModule compile(Target target, Module module, CompileOptions options, CompileListener listener) {
        return codegen(target, lower(module, options, listener), options, listener);
    }

    /**
     * The target-independent front half: verifies {@code module} (including the async checks) and
     * lowers its async functions, with the runtime's leaf frames from {@link RuntimeLeafFrames}.
     *
     * @throws dev.vex.verify.VerifyException if the module does not verify
     */
    public static LoweredModule lower(Module module, CompileListener listener) {
        return lower(module, CompileOptions.DEFAULT, listener);
    }

    /**
     * {@link #lower(Module, CompileListener)} with the options' front-half choices: with
     * {@link CompileOptions#preemption()}, the budget checks of {@link PreemptionChecks} go into
     * the async functions' loops before the lowering.
     */
    public static LoweredModule lower(Module module, CompileOptions options, CompileListener listener) {
        return lower(module, options, name -> null, listener);
    }

    /**
     * {@link #lower(Module, CompileOptions, CompileListener)}, with the frames of C futures that the
     * module awaits without stating their frames ({@code frame N align M}) taken from
     * {@code futures}; a stated frame wins over {@code futures}, and the runtime's own leaves over
     * both.
     *
     * @throws dev.vex.verify.VerifyException if the module does not verify
     */
    public static LoweredModule lower(Module module, CompileOptions options, FrameSizes futures,
            CompileListener listener) {
        long t = listener.wantsTimings() ? System.nanoTime() : 0;
        Verifier.check(module);
        t = timed(listener, CompileStage.VERIFY, null, t);
        Module checked = options.preemption() ? PreemptionChecks.insert(module) : module;
        FrameSizes frames = name -> {
            FrameSize leaf = RuntimeLeafFrames.SIZES.frameOf(name);
            return leaf != null ? leaf : futures.frameOf(name);
        };
        LoweredModule lowered = AsyncLowering.lower(checked, frames);
        timed(listener, CompileStage.LOWER, null, t);
        listener.lowered(lowered);
        return lowered;
    }

    /** {@link #compile(Target, Module, CompileOptions, CompileListener)} without a listener. */
    public static CompiledModule compile(Target target, Module module, CompileOptions options) {
        return compile(target, module, options, CompileListener.NONE);
    }

    /**
     * The code-generation half, for a module already verified and lowered. A lowered module's
     * async functions get descriptors and their runtime names ({@link AsyncLinkage}).
     */
    public static CompiledModule codegen(Target target, LoweredModule lowered, CompileOptions options,
            CompileListener listener) {
        return codegen(target, lowered, options, listener, true);
    }

    /**
     * The code-generation half for a module with no async functions, as it is: its calls keep
     * the names they have (no {@link AsyncLinkage}).
     */
    public static CompiledModule codegen(Target target, Module module, CompileOptions options,
            CompileListener listener) {
        return codegen(target, new LoweredModule(module, Map.of()), options, listener, false);
    }

    private static CompiledModule codegen(Target target, LoweredModule lowered, CompileOptions options,
            CompileListener listener, boolean asyncNames) {
        FeatureCheck.require(lowered.module(), target);
        Module module = lowered.module();
        List<Function> fns = module.functions();
        CodeBuffer buf = new CodeBuffer(4096);
        Map<String, Label> labels = new HashMap<>();
        for (Function f : fns) {
            labels.put(f.name(), new Label());
        }
        for (String f : lowered.layouts().keySet()) {
            labels.put(AsyncSymbols.descriptorName(f), new Label());
        }
        CodeGenerator gen = target.codeGenerator(module, buf, labels, cpuFeatures(target, options.cpu()),
                options.nanCanonicalization());
        Listing listing = options.listing() ? new Listing() : null;
        LinearScan allocator = new LinearScan(target.machineSpec());
        boolean timing = listener.wantsTimings();
        int[] offsets = new int[fns.size()];
        int[] sizes = new int[fns.size()];
        for (int i = 0; i < fns.size(); i++) {
            Function f = fns.get(i);
            long t = timing ? System.nanoTime() : 0;
            MachFunction mf = gen.select(f);
            t = timed(listener, CompileStage.ISEL, f.name(), t);
            listener.selected(mf);
            Allocation a = allocator.allocate(mf);
            t = timed(listener, CompileStage.REGALLOC, f.name(), t);
            listener.allocated(a);
            if (options.checkAllocation()) {
                RegisterAllocationChecker.check(a);
                t = timed(listener, CompileStage.CHECK, f.name(), t);
            }
            gen.align(FUNCTION_ALIGNMENT);
            if (listing != null) {
                listing.function(f.name());
            }
            offsets[i] = buf.position();
            gen.emitFunction(a, labels.get(f.name()), listing);
            sizes[i] = buf.position() - offsets[i];
            timed(listener, CompileStage.EMIT, f.name(), t);
        }
        long t = timing ? System.nanoTime() : 0;
        List<CompiledFunction> out = new ArrayList<>();
        for (int i = 0; i < fns.size(); i++) {
            Function f = fns.get(i);
            gen.align(FUNCTION_ALIGNMENT);
            int start = buf.position();
            String entry = f.name() + "$array";
            gen.emitArrayEntry(entry, f.signature(), labels.get(f.name()));
            if (listing != null) {
                listing.function(entry);
                listing.line(start, buf.position(), "array-call entry of %" + f.name());
            }
            out.add(new CompiledFunction(f.name(), f.signature(), false, f.name(), offsets[i], sizes[i], entry));
        }
        FutureDescriptorWriter.Data data = FutureDescriptorWriter.write(gen, buf, lowered.layouts(), labels, listing);
        byte[] code = buf.finish();
        CompiledModule compiled = new CompiledModule(target.name(), code, buf.symbols(), buf.relocations(), out,
                listing == null ? null : listing.render(code, target.disassembler()), data.start(),
                data.references());
        if (asyncNames) {
            compiled = AsyncLinkage.link(compiled, lowered);
        }
        timed(listener, CompileStage.FINISH, null, t);
        return compiled;
    }

    /**
     * The features {@code cpu} stands for on {@code target}: the host's, none, or the list, each
     * checked against what the target knows.
     *
     * @throws BackendException naming the first unknown feature
     */
    public static Set<String> cpuFeatures(Target target, CpuFeatureSet cpu) {
        if (cpu.isHost()) {
            return target.hostCpuFeatures();
        }
        Set<String> known = target.knownCpuFeatures();
        for (String n : cpu.names()) {
            if (!known.contains(n)) {
                throw new BackendException(null, "the " + target.name() + " target has no CPU feature '" + n
                        + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return cpu.names();
    }

    private static long timed(CompileListener listener, CompileStage stage, String function, long start) {
        if (!listener.wantsTimings()) {
            return 0;
        }
        long now = System.nanoTime();
        listener.timed(stage, function, now - start);
        return now;
    }
}
