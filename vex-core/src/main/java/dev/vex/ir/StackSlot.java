package dev.vex.ir;

/**
 * A function's own piece of stack memory: {@code ss0 = explicit_slot 16, align = 8}. Its address
 * is taken with {@code stack_addr}; in an async function a slot whose address is live across an
 * await lives in the frame instead.
 */
public final class StackSlot {
    private final int number;
    private final int size;
    private final int align;

    StackSlot(int number, int size, int align) {
        this.number = number;
        this.size = size;
        this.align = align;
    }

    /** N in {@code ssN}. */
    public int number() {
        return number;
    }

    /** Size in bytes. */
    public int size() {
        return size;
    }

    /** The alignment in bytes the text asked for, or 0 if it asked for none. */
    public int align() {
        return align;
    }

    @Override
    public String toString() {
        return "ss" + number;
    }
}
