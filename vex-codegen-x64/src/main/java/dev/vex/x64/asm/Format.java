package dev.vex.x64.asm;

import java.util.List;

/**
 * Where an {@link Encoding}'s operands go, in the Intel manual's "Op/En" terms: for each operand
 * in Intel order, the field of the instruction that carries it.
 */
public enum Format {
    /** r/m, reg. */
    MR(Slot.RM, Slot.REG),
    /** reg, r/m. */
    RM(Slot.REG, Slot.RM),
    /** reg, r/m, immediate. */
    RMI(Slot.REG, Slot.RM, Slot.IMM),
    /** r/m, with an opcode extension in ModRM.reg. */
    M(Slot.RM),
    /** r/m, immediate, with an opcode extension. */
    MI(Slot.RM, Slot.IMM),
    /** r/m and the implied count 1 (shifts), with an opcode extension. */
    M1(Slot.RM, Slot.IMPLIED),
    /** r/m and the implied count cl (shifts), with an opcode extension. */
    MC(Slot.RM, Slot.IMPLIED),
    /** An immediate alone (push imm, ret imm16). */
    I(Slot.IMM),
    /** The implied accumulator and an immediate. */
    AI(Slot.IMPLIED, Slot.IMM),
    /** A register in the opcode's low three bits. */
    O(Slot.OPCODE_REG),
    /** A register in the opcode's low three bits and the implied accumulator (xchg). */
    OA(Slot.OPCODE_REG, Slot.IMPLIED),
    /** A register in the opcode's low three bits and an immediate. */
    OI(Slot.OPCODE_REG, Slot.IMM),
    /** No operands. */
    ZO(),
    /** A branch displacement. */
    D(Slot.IMM),
    /** The implied accumulator and a 64-bit absolute address (movabs load). */
    FD(Slot.IMPLIED, Slot.IMM),
    /** A 64-bit absolute address and the implied accumulator (movabs store). */
    TD(Slot.IMM, Slot.IMPLIED),
    /** VEX: reg, vvvv, r/m. */
    RVM(Slot.REG, Slot.VVVV, Slot.RM),
    /** VEX: reg, r/m, vvvv. */
    RMV(Slot.REG, Slot.RM, Slot.VVVV),
    /** VEX: vvvv, r/m, with an opcode extension. */
    VM(Slot.VVVV, Slot.RM);

    /** An instruction field that carries an operand. */
    public enum Slot { REG, RM, VVVV, OPCODE_REG, IMM, IMPLIED }

    public final List<Slot> slots;

    Format(Slot... slots) {
        this.slots = List.of(slots);
    }

    /** Whether the instruction has a ModRM byte. */
    public boolean hasModRm() {
        return slots.contains(Slot.RM);
    }

    /** Whether ModRM.reg holds an opcode extension rather than an operand. */
    public boolean hasOpcodeExtension() {
        return hasModRm() && !slots.contains(Slot.REG);
    }
}
