package dev.vex.interp;

import java.util.Arrays;

/**
 * One task's stack: a fixed range of the simulated address space whose frames are pushed and
 * popped in call order. Only the part below {@link #top} is mapped; the backing array grows on
 * demand up to the window's size.
 */
final class StackSegment {
    final long base;
    private final int capacity;
    byte[] bytes = new byte[256];
    int top;

    StackSegment(long base, int capacity) {
        this.base = base;
        this.capacity = capacity;
    }

    /**
     * Reserves a zeroed frame area of {@code size} bytes aligned to {@code align} (a power of
     * two); returns its address, or -1 if the window is full (the caller traps with stk_ovf).
     */
    long push(int size, int align) {
        long start = (top + (long) align - 1) & -align;
        long end = start + size;
        if (end > capacity) {
            return -1;
        }
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(capacity, Math.max(end, 2L * bytes.length)));
        }
        Arrays.fill(bytes, top, (int) end, (byte) 0);
        top = (int) end;
        return base + start;
    }

    int capacity() {
        return capacity;
    }

    /** Releases every frame area above {@code savedTop}. */
    void popTo(int savedTop) {
        top = savedTop;
    }
}
