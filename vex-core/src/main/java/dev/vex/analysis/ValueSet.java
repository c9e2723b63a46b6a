package dev.vex.analysis;

import dev.vex.ir.Function;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * An immutable set of values of one function, held as their ascending {@link Value#id()}s: its
 * size is that of the set, not of the function, so that a set per block or per await stays
 * linear in total.
 */
public final class ValueSet {
    private final int[] ids;

    private ValueSet(int[] ids) {
        this.ids = ids;
    }

    /** The set of these ids, which must be ascending; the array is kept, not copied. */
    static ValueSet ofSorted(int[] ids) {
        return new ValueSet(ids);
    }

    static ValueSet of(BitSet bits) {
        return new ValueSet(bits.stream().toArray());
    }

    /** The members as bits, to compute with. */
    BitSet toBits() {
        BitSet bits = new BitSet();
        for (int id : ids) {
            bits.set(id);
        }
        return bits;
    }

    public boolean contains(Value v) {
        return contains(v.id());
    }

    public boolean contains(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    public int size() {
        return ids.length;
    }

    /** The next member id at or after {@code from}, or -1: {@code for (i = s.next(0); i >= 0; i = s.next(i + 1))}. */
    public int next(int from) {
        int at = Arrays.binarySearch(ids, Math.max(from, 0));
        int index = at >= 0 ? at : -at - 1;
        return index < ids.length ? ids[index] : -1;
    }

    /** The members as values of {@code fn}, in id order. */
    public List<Value> toList(Function fn) {
        List<Value> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(fn.values().get(id));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueSet s && Arrays.equals(s.ids, ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    /** The members by id, as {@code {3, 7}}; use {@link #toList} for value names. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(ids[i]);
        }
        return sb.append('}').toString();
    }

    /** The members as {@code v0, v3} names. */
    public String describe(Function fn) {
        StringBuilder sb = new StringBuilder();
        for (Value v : toList(fn)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v);
        }
        return sb.toString();
    }
}
