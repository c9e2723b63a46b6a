package dev.vex.backend.regalloc;

import java.util.Arrays;

/**
 * The spill slots of one allocation: per vreg its slot (or -1) and whether its value is stored
 * once right after its definition rather than at each move from a register into the slot; per
 * slot its size. Slots for breaking cycles of moves are added on demand by the sequencing phase.
 */
final class SpillSlots {
    final int[] vregSlot;
    final boolean[] storeAtDef;
    private int[] sizes = new int[8];
    private int count;
    private final int[] emergency = {-1, -1};

    SpillSlots(int numVRegs) {
        vregSlot = new int[numVRegs];
        Arrays.fill(vregSlot, -1);
        storeAtDef = new boolean[numVRegs];
    }

    int newSlot(int size) {
        if (count == sizes.length) {
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        sizes[count] = size;
        return count++;
    }

    int size(int slot) {
        return sizes[slot];
    }

    int count() {
        return count;
    }

    /** The slot a cycle of moves of this class parks a value in, made on first use. */
    int emergencySlot(int regClass, int size) {
        if (emergency[regClass] < 0) {
            emergency[regClass] = newSlot(size);
        }
        return emergency[regClass];
    }

    int[] sizes() {
        return Arrays.copyOf(sizes, count);
    }
}
