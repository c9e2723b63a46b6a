package dev.vex.compile;

import dev.vex.async.LoweredModule;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.backend.MachineSpec;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.code.elf.ElfMachine;
import dev.vex.ir.Module;
import java.util.Map;
import java.util.Set;

/**
 * A machine Vex generates code for: only the facts and duties of its ISA. The loop over
 * functions, register allocation, the checker, symbol names, async descriptors and timings are
 * the {@link CompileDriver}'s. vex-core names no concrete target: each lives in its own module
 * ({@code vex-codegen-x64}, {@code vex-codegen-aarch64}) and registers itself for
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.vex.compile.Target}
 * ({@link Targets} finds them), or is handed over explicitly.
 *
 * <p>A target object holds no per-compile state; {@link #codeGenerator} makes what does.
 */
public interface Target {
    /** The target's short name: {@code x64}, {@code aarch64}. */
    String name();

    /** The ISA's name in CLIF {@code target} lines ({@code x86_64}, {@code aarch64}). */
    String clifIsaName();

    /** The names the JVM's {@code os.arch} gives this machine ({@code amd64}, {@code x86_64}). */
    Set<String> osArchNames();

    /** Registers, classes and calling-convention sets, for the allocator. */
    MachineSpec machineSpec();

    /** The ELF machine number and the relocation type of each fixup format this target emits. */
    ElfMachine elfMachine();

    /** The optional CPU features this target can use, by the names {@link CpuFeatureSet} takes. */
    Set<String> knownCpuFeatures();

    /**
     * The optional features of the CPU this JVM runs on; the one place where compiling may look at
     * the machine (read once). Only asked when the options say {@link CpuFeatureSet#host()}.
     */
    Set<String> hostCpuFeatures();

    /**
     * The ISA half of compiling one module: instruction selection, emission, entry stubs. The
     * generator writes into {@code buf}; {@code functionLabels} holds a label per function of the
     * module and per async descriptor ({@code f$desc}), bound by whoever emits the thing named.
     *
     * @param cpuFeatures         resolved features: a subset of {@link #knownCpuFeatures()}
     * @param nanCanonicalization see {@link dev.vex.backend.CompileOptions#nanCanonicalization()}
     */
    CodeGenerator codeGenerator(Module module, CodeBuffer buf, Map<String, Label> functionLabels,
            Set<String> cpuFeatures, boolean nanCanonicalization);

    /**
     * The features beyond the scalar core that this target compiles. A function that uses another
     * one never reaches {@link #codeGenerator}: {@link FeatureCheck} reports it, naming the
     * feature, and engines report such functions as skipped.
     */
    default java.util.Set<dev.vex.ir.IrFeature> irFeatures() {
        return java.util.Set.of();
    }

    /**
     * A finer gate than {@link #irFeatures()}: what this target does not compile yet in a function
     * whose features it lists ({@code "f16 arithmetic"}), or null. {@link FeatureCheck} reports it
     * as it reports a missing feature.
     */
    default String declines(dev.vex.ir.Function fn) {
        return null;
    }

    /** Decodes one instruction for listings; see {@link Disassembler}. */
    Disassembler disassembler();

    /**
     * Compiles a verified module without async functions into one code buffer: every function,
     * plus for each an array-call entry (see {@link dev.vex.backend.CompiledFunction#arrayEntrySymbol()}).
     *
     * @throws dev.vex.backend.BackendException if the module uses something this target cannot compile
     */
    default CompiledModule compile(Module module, CompileOptions options) {
        return CompileDriver.codegen(this, module, options, CompileListener.NONE);
    }

    /**
     * Compiles a module that {@link dev.vex.async.AsyncLowering} produced: every function, and for
     * each of its layouts the async function's descriptor {@code f$desc}, with a
     * {@link dev.vex.backend.CompiledFunction} named {@code f} whose symbol is {@code f$resume}.
     *
     * @throws dev.vex.backend.BackendException if the module uses something this target cannot compile
     */
    default CompiledModule compile(LoweredModule lowered, CompileOptions options) {
        return CompileDriver.codegen(this, lowered, options, CompileListener.NONE);
    }
}
