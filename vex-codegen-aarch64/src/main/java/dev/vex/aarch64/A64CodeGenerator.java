package dev.vex.aarch64;

import dev.vex.aarch64.asm.A64Assembler;
import dev.vex.aarch64.emit.ArrayEntryEmitter;
import dev.vex.aarch64.emit.FunctionEmitter;
import dev.vex.aarch64.isel.InstructionSelector;
import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.code.CodeBuffer;
import dev.vex.code.Label;
import dev.vex.compile.CodeGenerator;
import dev.vex.compile.Listing;
import dev.vex.ir.Function;
import dev.vex.ir.Module;
import dev.vex.ir.Signature;
import java.util.Map;

/** The AArch64 half of compiling one module: {@link InstructionSelector}, {@link FunctionEmitter}, {@link ArrayEntryEmitter}. */
final class A64CodeGenerator implements CodeGenerator {
    /** The A64 no-op, for padding. */
    private static final int NOP = 0xd503201f;

    private final A64Assembler asm;
    private final CodeBuffer buf;
    private final InstructionSelector isel;
    private final FunctionEmitter emitter;

    A64CodeGenerator(Module module, CodeBuffer buf, Map<String, Label> labels, boolean nanCanonicalization) {
        this.buf = buf;
        this.asm = new A64Assembler(buf);
        this.isel = new InstructionSelector(module);
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
        while ((buf.position() & (alignment - 1)) != 0) {
            buf.put4(NOP);
        }
    }
}
