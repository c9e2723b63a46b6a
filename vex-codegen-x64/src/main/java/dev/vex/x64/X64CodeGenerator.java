package dev.vex.x64;

import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.compile.CodeGenerator;
import dev.vex.compile.Listing;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Signature;
import dev.vex.x64.asm.CpuFeatures;
import dev.vex.x64.asm.X64Assembler;
import dev.vex.x64.emit.ArrayEntryEmitter;
import dev.vex.x64.emit.FunctionEmitter;
import dev.vex.x64.isel.InstructionSelector;
import java.util.Map;

/** The x86-64 half of compiling one module: {@link InstructionSelector}, {@link FunctionEmitter}, {@link ArrayEntryEmitter}. */
final class X64CodeGenerator implements CodeGenerator {
    private final X64Assembler asm;
    private final InstructionSelector isel;
    private final FunctionEmitter emitter;

    X64CodeGenerator(Module module, CodeBuffer buf, Map<String, Label> labels, CpuFeatures features,
            boolean nanCanonicalization) {
        this.asm = new X64Assembler(buf, features);
        this.isel = new InstructionSelector(module, features);
        this.emitter = new FunctionEmitter(asm, buf, labels, nanCanonicalization);
    }

    @Override
    public MachFunction select(Function f) {
        return isel.select(f);
    }

    @Override
    public void emitFunction(Allocation allocation, Label entry, Listing listing) {
        emitter.emit(allocation, entry, listing);
    }

    @Override
    public void emitArrayEntry(String symbol, Signature sig, Label function) {
        ArrayEntryEmitter.emit(asm, symbol, sig, function);
    }

    @Override
    public void align(int alignment) {
        asm.align(alignment);
    }
}
