package dev.vex.compile;

import dev.vex.backend.MachFunction;
import dev.vex.backend.regalloc.Allocation;
import dev.vex.code.Label;
import dev.vex.ir.Function;
import dev.vex.ir.Signature;

/**
 * The ISA half of compiling one module, made by {@link Target#codeGenerator} for one compile and
 * then dropped (it may keep scratch state; it is not shared between threads). The
 * {@link CompileDriver} calls it in this order: {@link #select} and {@link #emitFunction} for each
 * function, then {@link #emitArrayEntry} for each, with {@link #align} between them.
 */
public interface CodeGenerator {
    /**
     * Instruction selection: {@code f} as machine instructions on virtual registers, ABI places
     * as fixed-register operands (see {@code dev.vex.backend}'s package comment). No IR opcode is
     * needed after this.
     *
     * @throws dev.vex.backend.BackendException if {@code f} uses something this target cannot compile
     */
    MachFunction select(Function f);

    /**
     * Emits an allocated function at the buffer's position: prologue (frame, stack-limit check,
     * callee-saved registers), every instruction after the allocator's moves before it, and the
     * function's out-of-line stubs. Binds {@code entry} at its first byte and defines the symbol
     * {@code allocation.function().name()} there.
     *
     * @param listing where to describe each instruction, or null
     */
    void emitFunction(Allocation allocation, Label entry, Listing listing);

    /**
     * Emits the array-call entry {@code symbol} of a function with signature {@code sig} whose
     * code starts at {@code function}: {@code void entry(const uint64_t *args, uint64_t *results)},
     * one canonical 64-bit slot per parameter and per result (see
     * {@link dev.vex.backend.CompiledFunction#arrayEntrySymbol()}). Defines {@code symbol}.
     */
    void emitArrayEntry(String symbol, Signature sig, Label function);

    /** Pads to a multiple of {@code alignment} (a power of two) with this ISA's no-op. */
    void align(int alignment);
}
