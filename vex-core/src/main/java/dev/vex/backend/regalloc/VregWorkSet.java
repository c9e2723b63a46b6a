package dev.vex.backend.regalloc;

/**
 * A set of vregs with constant-time add, remove, test and clear, and iteration in proportion to
 * its size (Briggs and Torczon's sparse set): the live set of the backward walk over a block,
 * cleared once per block without touching every vreg of the function.
 */
final class VregWorkSet {
    private final int[] dense;
    private final int[] sparse;
    private int size;

    VregWorkSet(int vregs) {
        dense = new int[vregs];
        sparse = new int[vregs];
    }

    boolean contains(int v) {
        int i = sparse[v];
        return i < size && dense[i] == v;
    }

    void add(int v) {
        if (!contains(v)) {
            dense[size] = v;
            sparse[v] = size++;
        }
    }

    void remove(int v) {
        if (contains(v)) {
            int last = dense[--size];
            dense[sparse[v]] = last;
            sparse[last] = sparse[v];
        }
    }

    /** The vregs it can hold: those numbered below this. */
    int capacity() {
        return dense.length;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The {@code i}th member, for {@code 0 <= i < size()}, in no particular order. */
    int get(int i) {
        return dense[i];
    }
}
