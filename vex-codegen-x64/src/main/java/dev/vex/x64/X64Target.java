package dev.vex.x64;

import dev.vex.backend.MachineSpec;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.code.elf.ElfMachine;
import dev.vex.compile.CodeGenerator;
import dev.vex.compile.Disassembler;
import dev.vex.compile.Target;
import dev.vex.ir.IrFeature;
import dev.vex.ir.Module;
import dev.vex.x64.abi.X64MachineSpec;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.disasm.X64Disassembler;
import java.util.Map;
import java.util.Set;

/**
 * The x86-64 System V target: the ISA's answers to vex-core's compile driver. What code it
 * leaves as relocations: {@code vex_trap} (PC_REL32, addend -4) from trap stubs,
 * {@code vex_stack_limit} (TLS_IE_PC_REL32, addend -4) from every prologue, calls to functions
 * outside the module (PC_REL32), {@code fma}/{@code fmaf} from libm when the CPU features lack
 * FMA3, and {@code func_addr} of an outside function (ABS64). Registered for
 * {@link java.util.ServiceLoader} as a {@link Target}; stateless, so one object serves all.
 */
public final class X64Target implements Target {
    private static final Set<String> OS_ARCH = Set.of("amd64", "x86_64");
    private static volatile Set<String> host;

    @Override
    public String name() {
        return "x64";
    }

    @Override
    public String clifIsaName() {
        return "x86_64";
    }

    @Override
    public Set<String> osArchNames() {
        return OS_ARCH;
    }

    @Override
    public MachineSpec machineSpec() {
        return X64MachineSpec.INSTANCE;
    }

    @Override
    public ElfMachine elfMachine() {
        return X64ElfMachine.INSTANCE;
    }

    @Override
    public Set<String> knownCpuFeatures() {
        return X64CpuFeatures.KNOWN;
    }

    /** From {@code /proc/cpuinfo}, read once ({@link CpuFeatures#host()}). */
    @Override
    public Set<String> hostCpuFeatures() {
        Set<String> h = host;
        if (h == null) {
            h = X64CpuFeatures.namesOf(CpuFeatures.host());
            host = h;
        }
        return h;
    }

    @Override
    public CodeGenerator codeGenerator(Module module, CodeBuffer buf, Map<String, Label> functionLabels,
            Set<String> cpuFeatures, boolean nanCanonicalization) {
        return new X64CodeGenerator(module, buf, functionLabels, X64CpuFeatures.toAssembler(cpuFeatures),
                nanCanonicalization);
    }

    /** The features beyond the scalar core that x64 compiles ({@link X64IrFeatures}). */
    @Override
    public Set<IrFeature> irFeatures() {
        return X64IrFeatures.SUPPORTED;
    }

    /**
     * f16 values are compiled as bits only ({@link dev.vex.x64.isel.HalfFloats}), and atomics up
     * to 64 bits ({@link dev.vex.x64.isel.WideAtomics}).
     */
    @Override
    public String declines(dev.vex.ir.Function fn) {
        if (dev.vex.x64.isel.WideAtomics.usedBy(fn)) {
            return "128-bit atomics";
        }
        return dev.vex.x64.isel.HalfFloats.computesWith(fn) ? "f16 arithmetic" : null;
    }

    @Override
    public Disassembler disassembler() {
        return X64Disassembler::decode;
    }
}
