package dev.vex.aarch64;

import dev.vex.aarch64.abi.A64MachineSpec;
import dev.vex.aarch64.disasm.A64Disassembler;
import dev.vex.backend.MachineSpec;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.code.elf.ElfMachine;
import dev.vex.compile.CodeGenerator;
import dev.vex.compile.Disassembler;
import dev.vex.compile.Target;
import dev.vex.ir.IrFeature;
import dev.vex.ir.Module;
import java.util.Map;
import java.util.Set;

/**
 * The AArch64 (AAPCS64, Linux) target: the ISA's answers to vex-core's compile driver. It selects
 * the integer and float core and atomics; a function using anything else is declined with a
 * {@link dev.vex.backend.BackendException} naming what. What code it leaves as relocations:
 * {@code vex_trap} (CALL26) from trap stubs, {@code vex_stack_limit} (the initial-exec TLS pair)
 * from every prologue, calls to functions outside the module (CALL26), and {@code func_addr} of
 * an outside function (ADRP + ADD lo12). Registered for {@link java.util.ServiceLoader}; stateless.
 * No optional CPU features are used yet.
 */
public final class A64Target implements Target {
    private static final Set<String> OS_ARCH = Set.of("aarch64", "arm64");
    private static final Set<IrFeature> FEATURES = Set.of(IrFeature.ATOMICS);

    @Override
    public String name() {
        return "aarch64";
    }

    @Override
    public String clifIsaName() {
        return "aarch64";
    }

    @Override
    public Set<String> osArchNames() {
        return OS_ARCH;
    }

    @Override
    public MachineSpec machineSpec() {
        return A64MachineSpec.INSTANCE;
    }

    @Override
    public ElfMachine elfMachine() {
        return A64ElfMachine.INSTANCE;
    }

    @Override
    public Set<String> knownCpuFeatures() {
        return Set.of();
    }

    @Override
    public Set<String> hostCpuFeatures() {
        return Set.of();
    }

    @Override
    public CodeGenerator codeGenerator(Module module, CodeBuffer buf, Map<String, Label> functionLabels,
            Set<String> cpuFeatures, boolean nanCanonicalization) {
        return new A64CodeGenerator(module, buf, functionLabels, nanCanonicalization);
    }

    /** Atomics, as LDAR/STLR and LDAXR/STLXR loops (no LSE needed); not i128, f16, f128 or the rest. */
    @Override
    public Set<IrFeature> irFeatures() {
        return FEATURES;
    }

    @Override
    public Disassembler disassembler() {
        return (code, offset, out) -> {
            int word = (code[offset] & 0xff) | (code[offset + 1] & 0xff) << 8 | (code[offset + 2] & 0xff) << 16
                    | (code[offset + 3] & 0xff) << 24;
            A64Disassembler.decode(word, offset, out);
            return 4;
        };
    }
}
