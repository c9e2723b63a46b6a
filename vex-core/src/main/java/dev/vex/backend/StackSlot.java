package dev.vex.backend;

/** A stack slot of the IR function (an {@code explicit_slot}): its size and alignment in bytes. */
public record StackSlot(int size, int align) {
    public StackSlot {
        if (size < 0 || align <= 0 || Integer.bitCount(align) != 1) {
            throw new IllegalArgumentException("bad stack slot: size " + size + ", align " + align);
        }
    }
}
