package dev.vex.backend.regalloc;

import dev.vex.backend.FrameLayout;
import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;

/**
 * The result of register allocation, immutable; the {@link MachFunction} it belongs to is left
 * as it was. What emit needs:
 *
 * <ul>
 *   <li>the location of every operand ({@link #operandLocation});
 *   <li>the moves to insert in the gap before each instruction, already sequenced
 *       ({@link #editStart}/{@link #editEnd}, each move from one {@link Location} to another,
 *       at least one of them a register, of the register's class);
 *   <li>the frame layout, with spill slot {@code s} at {@link FrameLayout#spillSlotOffset(int)};
 *   <li>the callee-saved registers the prologue must save ({@link #usedCalleeSaved()}).
 * </ul>
 */
public final class Allocation {
    private final MachFunction function;
    private final MachineSpec spec;
    private final int[] operandLocs;
    private final int[] instEditStart;
    private final int[] editKey;
    private final int[] editFrom;
    private final int[] editTo;
    private final int[] paramBase;
    private final int[] paramLocs;
    private final int[] slotSizes;
    private final FrameLayout frame;
    private final long usedCalleeSaved;

    Allocation(MachFunction function, MachineSpec spec, int[] operandLocs, int[] instEditStart, int[] editKey,
            int[] editFrom, int[] editTo, int[] paramBase, int[] paramLocs, int[] slotSizes, FrameLayout frame,
            long usedCalleeSaved) {
        this.function = function;
        this.spec = spec;
        this.operandLocs = operandLocs;
        this.instEditStart = instEditStart;
        this.editKey = editKey;
        this.editFrom = editFrom;
        this.editTo = editTo;
        this.paramBase = paramBase;
        this.paramLocs = paramLocs;
        this.slotSizes = slotSizes;
        this.frame = frame;
        this.usedCalleeSaved = usedCalleeSaved;
    }

    public MachFunction function() {
        return function;
    }

    public MachineSpec spec() {
        return spec;
    }

    /** Location of operand {@code k} of instruction {@code inst}. */
    public int operandLocation(int inst, int k) {
        return operandLocs[function.operandBase(inst) + k];
    }

    /** First edit to run before instruction {@code inst}. */
    public int editStart(int inst) {
        return instEditStart[inst];
    }

    /** One past the last edit to run before instruction {@code inst}. */
    public int editEnd(int inst) {
        return instEditStart[inst + 1];
    }

    public int numEdits() {
        return editFrom.length;
    }

    public int editFrom(int edit) {
        return editFrom[edit];
    }

    public int editTo(int edit) {
        return editTo[edit];
    }

    /** Which of the {@code MoveList} groups the edit belongs to (0 edge-in .. 3 edge-out). */
    int editGroup(int edit) {
        return editKey[edit] & 3;
    }

    /** Where parameter {@code k} of {@code block} is at the block's start; {@link Location#NONE} if dead. */
    public int blockParamLocation(int block, int k) {
        return paramLocs[paramBase[block] + k];
    }

    public int numSpillSlots() {
        return slotSizes.length;
    }

    public int spillSlotSize(int slot) {
        return slotSizes[slot];
    }

    public FrameLayout frameLayout() {
        return frame;
    }

    /** Callee-saved registers that the function overwrites, as a mask. */
    public long usedCalleeSaved() {
        return usedCalleeSaved;
    }

    /** A copy with one operand moved elsewhere: for testing that the checker catches it. */
    Allocation withOperandLocation(int inst, int k, int location) {
        int[] locs = operandLocs.clone();
        locs[function.operandBase(inst) + k] = location;
        return new Allocation(function, spec, locs, instEditStart, editKey, editFrom, editTo, paramBase, paramLocs,
                slotSizes, frame, usedCalleeSaved);
    }

    /** A copy reporting other callee-saved registers: for testing that the checker catches it. */
    Allocation withUsedCalleeSaved(long regs) {
        return new Allocation(function, spec, operandLocs, instEditStart, editKey, editFrom, editTo, paramBase,
                paramLocs, slotSizes, frame, regs);
    }

    /** A copy without one edit: for testing that the checker catches it. */
    Allocation withoutEdit(int edit) {
        int n = editFrom.length - 1;
        int[] key = new int[n];
        int[] from = new int[n];
        int[] to = new int[n];
        for (int e = 0, j = 0; e <= n; e++) {
            if (e != edit) {
                key[j] = editKey[e];
                from[j] = editFrom[e];
                to[j] = editTo[e];
                j++;
            }
        }
        int[] start = instEditStart.clone();
        for (int i = 0; i < start.length; i++) {
            if (start[i] > edit) {
                start[i]--;
            }
        }
        return new Allocation(function, spec, operandLocs, start, key, from, to, paramBase, paramLocs, slotSizes,
                frame, usedCalleeSaved);
    }

    @Override
    public String toString() {
        return AllocationPrinter.print(this);
    }
}
