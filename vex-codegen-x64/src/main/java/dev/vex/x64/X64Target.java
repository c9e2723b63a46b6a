package dev.vex.x64;

import dev.vex.async.AsyncFrameLayout;
import dev.vex.async.LoweredModule;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledFunction;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.MachFunction;
import dev.vex.backend.Target;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.backend.regalloc.LinearScan;
import dev.vex.backend.regalloc.RegisterAllocationChecker;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.emit.ArrayEntryEmitter;
import dev.vex.x64.emit.FunctionEmitter;
import dev.vex.x64.emit.FutureDescriptorEmitter;
import dev.vex.x64.emit.Listing;
import dev.vex.x64.isel.InstructionSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The x86-64 System V target: isel, linear-scan allocation and emit for every function of a
 * module into one code buffer, followed by each function's array-call entry
 * ({@code <name>$array}). Calls inside the module are resolved here (rel32 to labels); what is
 * left as relocations: {@code vex_trap} (PC_REL32, addend -4) from trap stubs,
 * {@code vex_stack_limit} (TLS_IE_PC_REL32, addend -4) from every prologue, calls to functions
 * outside the module (PC_REL32), {@code fma}/{@code fmaf} from libm when the CPU lacks FMA3,
 * and {@code func_addr} of an outside function (ABS64).
 */
public final class X64Target implements Target {
    private final CpuFeatures features;

    public X64Target() {
        this(CpuFeatures.host());
    }

    public X64Target(CpuFeatures features) {
        this.features = features;
    }

    public CpuFeatures features() {
        return features;
    }

    @Override
    public String name() {
        return "x64";
    }

    @Override
    public CompiledModule compile(Module module, CompileOptions options) {
        return compile(module, Map.of(), options);
    }

    /** A lowered module: its resume functions are compiled like the rest, and descriptors follow the code. */
    @Override
    public CompiledModule compile(LoweredModule lowered, CompileOptions options) {
        CompiledModule out = compile(lowered.module(), lowered.layouts(), options);
        return AsyncModuleSymbols.link(out, lowered);
    }

    private CompiledModule compile(Module module, Map<String, AsyncFrameLayout> layouts, CompileOptions options) {
        List<Function> fns = module.functions();
        CodeBuffer buf = new CodeBuffer(4096);
        X64Assembler asm = new X64Assembler(buf, features);
        Map<String, Label> labels = new HashMap<>();
        for (Function f : fns) {
            labels.put(f.name(), asm.newLabel());
        }
        AsyncModuleSymbols.addDescriptorLabels(layouts, labels, asm);
        InstructionSelector isel = new InstructionSelector(module, features);
        FunctionEmitter emitter = new FunctionEmitter(asm, buf, labels);
        Listing listing = options.listing() ? new Listing() : null;
        int[] offsets = new int[fns.size()];
        int[] sizes = new int[fns.size()];
        LinearScan allocator = new LinearScan(X64MachineSpec.INSTANCE);
        for (int i = 0; i < fns.size(); i++) {
            Function f = fns.get(i);
            MachFunction mf = isel.select(f);
            Allocation a = allocator.allocate(mf);
            if (options.checkAllocation()) {
                RegisterAllocationChecker.check(a);
            }
            asm.align(16);
            if (listing != null) {
                listing.function(f.name());
            }
            offsets[i] = buf.position();
            emitter.emit(a, labels.get(f.name()), listing);
            sizes[i] = buf.position() - offsets[i];
        }
        List<CompiledFunction> out = new ArrayList<>();
        for (int i = 0; i < fns.size(); i++) {
            Function f = fns.get(i);
            asm.align(16);
            int start = buf.position();
            String entry = f.name() + "$array";
            ArrayEntryEmitter.emit(asm, entry, f.signature(), labels.get(f.name()));
            if (listing != null) {
                listing.function(entry);
                listing.line(start, buf.position(), "array-call entry of %" + f.name());
            }
            out.add(new CompiledFunction(f.name(), f.signature(), false, f.name(), offsets[i], sizes[i], entry));
        }
        FutureDescriptorEmitter.emit(asm, buf, layouts, labels, listing);
        byte[] code = buf.finish();
        return new CompiledModule(name(), code, buf.symbols(), buf.relocations(), out,
                listing == null ? null : listing.render(code));
    }
}
