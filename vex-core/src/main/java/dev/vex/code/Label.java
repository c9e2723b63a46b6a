package dev.vex.code;

import java.util.Arrays;

/**
 * A position in a {@link CodeBuffer}, bound once, usable before and after it is bound.
 *
 * <p>A use before binding is remembered as a pair of ints (field offset, addend) in one
 * {@code int[]} plus its {@link FixupFormat}, and patched in place when the label is bound, so
 * no collection is allocated; the arrays double when they fill, as OW2 ASM's labels do.
 */
public final class Label {
    private static final int UNBOUND = -1;

    private int position = UNBOUND;
    /** Pending uses: {@code [fieldOffset, addend]} pairs. */
    private int[] uses;
    private FixupFormat[] useFormats;
    private int useCount;

    /** Whether {@link CodeBuffer#bind} has been called for this label. */
    public boolean isBound() {
        return position != UNBOUND;
    }

    /** The bound offset. */
    public int position() {
        if (position == UNBOUND) {
            throw new CodeException("label is not bound");
        }
        return position;
    }

    /** How many uses wait for this label to be bound. */
    public int pendingUses() {
        return useCount;
    }

    /** The field offset of pending use {@code i} ({@code 0 <= i < pendingUses()}). */
    public int pendingUseOffset(int i) {
        return uses[2 * checkUse(i)];
    }

    /** The addend of pending use {@code i}. */
    public int pendingUseAddend(int i) {
        return uses[2 * checkUse(i) + 1];
    }

    /** The fixup format of pending use {@code i}. */
    public FixupFormat pendingUseFormat(int i) {
        return useFormats[checkUse(i)];
    }

    private int checkUse(int i) {
        if (i < 0 || i >= useCount) {
            throw new IndexOutOfBoundsException("use " + i + " of " + useCount);
        }
        return i;
    }

    void addUse(int fieldOffset, int addend, FixupFormat format) {
        int n = useCount;
        if (uses == null) {
            uses = new int[8];
            useFormats = new FixupFormat[4];
        } else if (n == useFormats.length) {
            uses = Arrays.copyOf(uses, n * 4);
            useFormats = Arrays.copyOf(useFormats, n * 2);
        }
        uses[2 * n] = fieldOffset;
        uses[2 * n + 1] = addend;
        useFormats[n] = format;
        useCount = n + 1;
    }

    /** Binds to {@code offset} and patches every pending use in {@code code}. */
    void bindAndPatch(int offset, byte[] code) {
        if (position != UNBOUND) {
            throw new CodeException("label bound twice (at " + position + " and " + offset + ")");
        }
        position = offset;
        int[] u = uses;
        FixupFormat[] f = useFormats;
        for (int i = 0, n = useCount; i < n; i++) {
            f[i].apply(code, u[2 * i], (long) offset + u[2 * i + 1]);
            f[i] = null;
        }
        useCount = 0;
    }

    /** Forgets the binding and the pending uses, so the label can be reused with a reset buffer. */
    public void reset() {
        position = UNBOUND;
        if (useFormats != null) {
            Arrays.fill(useFormats, 0, useCount, null);
        }
        useCount = 0;
    }

    @Override
    public String toString() {
        return position == UNBOUND ? "Label(unbound, " + useCount + " uses)" : "Label(@" + position + ")";
    }
}
