package dev.vex.backend;

/**
 * The target's part of a machine instruction: its opcode and immediates, whatever emit needs.
 * The allocator never looks inside; it sees operands, clobbers and successors, which the
 * {@link MachFunction} stores beside the payload.
 */
public interface MachInst {
    /** Assembly-like text without operands, e.g. {@code add} or {@code call %f}. */
    String mnemonic();
}
