package dev.vex.runtime.jit;

import dev.vex.backend.BackendException;
import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.compile.Target;
import dev.vex.async.LoweredModule;
import dev.vex.backend.MachineSpec;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.code.elf.ElfMachine;
import dev.vex.compile.CodeGenerator;
import dev.vex.compile.Disassembler;
import dev.vex.ir.Function;
import dev.vex.x64.X64Target;
import java.util.Set;
import dev.vex.ir.Module;
import dev.vex.x64.asm.X64Assembler;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for the x64 compiler: each function of the module gets the hand-written body
 * registered under its name (with the IR's signature and a generated array entry). A function
 * with no body is refused with a {@link BackendException}, as the compiler refuses what it
 * cannot compile. Async functions are refused too.
 */
public final class HandTarget implements Target {
    private final Map<String, Consumer<X64Assembler>> bodies;
    private int compilations;

    public HandTarget(Map<String, Consumer<X64Assembler>> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    private final X64Target facts = new X64Target();

    @Override
    public String name() {
        return "x64";
    }

    @Override
    public String clifIsaName() {
        return facts.clifIsaName();
    }

    @Override
    public Set<String> osArchNames() {
        return facts.osArchNames();
    }

    @Override
    public MachineSpec machineSpec() {
        return facts.machineSpec();
    }

    @Override
    public ElfMachine elfMachine() {
        return facts.elfMachine();
    }

    @Override
    public Set<String> knownCpuFeatures() {
        return facts.knownCpuFeatures();
    }

    @Override
    public Set<String> hostCpuFeatures() {
        return facts.hostCpuFeatures();
    }

    /** Not used: {@link #compile} is overridden whole. */
    @Override
    public CodeGenerator codeGenerator(Module module, CodeBuffer buf, Map<String, Label> functionLabels,
            Set<String> cpuFeatures, boolean nanCanonicalization) {
        throw new UnsupportedOperationException("the hand target has no code generator");
    }

    @Override
    public Disassembler disassembler() {
        return facts.disassembler();
    }

    /** As the targets did before async support: a module with async functions is refused. */
    @Override
    public CompiledModule compile(LoweredModule lowered, CompileOptions options) {
        if (!lowered.layouts().isEmpty()) {
            String first = lowered.layouts().keySet().iterator().next();
            throw new BackendException(first, "the " + name() + " target does not compile async functions yet");
        }
        return compile(lowered.module(), options);
    }

    /** How many times {@link #compile} ran. */
    public int compilations() {
        return compilations;
    }

    @Override
    public CompiledModule compile(Module module, CompileOptions options) {
        compilations++;
        HandModule m = new HandModule();
        StringBuilder listing = new StringBuilder();
        for (Function f : module.functions()) {
            Consumer<X64Assembler> body = bodies.get(f.name());
            if (body == null || f.isAsync()) {
                throw new BackendException(f.name(), "no hand-written code for it");
            }
            m.function(f.name(), f.signature(), body);
            listing.append("%").append(f.name()).append(": hand-written\n");
        }
        CompiledModule c = m.build();
        return options.listing() ? new CompiledModule(c.targetName(), c.code(), c.symbols(), c.relocations(),
                c.functions(), listing.toString()) : c;
    }
}
