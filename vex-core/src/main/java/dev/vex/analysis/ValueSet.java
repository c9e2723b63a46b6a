package dev.vex.analysis;

import dev.vex.ir.Function;
import dev.vex.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of values of one function as a bit set over {@link Value#id()}. Analyses hand these out
 * read-only; the mutators are for the analyses of this package.
 */
public final class ValueSet {
    private final long[] words;

    ValueSet(int capacity) {
        this.words = new long[(capacity + 63) >>> 6];
    }

    private ValueSet(long[] words) {
        this.words = words;
    }

    ValueSet copy() {
        return new ValueSet(words.clone());
    }

    public boolean contains(Value v) {
        return contains(v.id());
    }

    public boolean contains(int id) {
        int w = id >>> 6;
        return w < words.length && (words[w] & (1L << id)) != 0;
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** The next member id at or after {@code from}, or -1: {@code for (i = s.next(0); i >= 0; i = s.next(i + 1))}. */
    public int next(int from) {
        int w = from >>> 6;
        if (w >= words.length || from < 0) {
            return -1;
        }
        long bits = words[w] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++w == words.length) {
                return -1;
            }
            bits = words[w];
        }
    }

    /** The members as values of {@code fn}, in id order. */
    public List<Value> toList(Function fn) {
        List<Value> out = new ArrayList<>(size());
        for (int i = next(0); i >= 0; i = next(i + 1)) {
            out.add(fn.values().get(i));
        }
        return out;
    }

    void add(int id) {
        words[id >>> 6] |= 1L << id;
    }

    void remove(int id) {
        words[id >>> 6] &= ~(1L << id);
    }

    /** Adds every member of {@code other}; whether this set grew. */
    boolean addAll(ValueSet other) {
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            long merged = words[i] | other.words[i];
            changed |= merged != words[i];
            words[i] = merged;
        }
        return changed;
    }

    /** Adds every member of {@code other} that is not in {@code except}; whether this set grew. */
    boolean addAllExcept(ValueSet other, ValueSet except) {
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            long merged = words[i] | (other.words[i] & ~except.words[i]);
            changed |= merged != words[i];
            words[i] = merged;
        }
        return changed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueSet s && java.util.Arrays.equals(s.words, words);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(words);
    }

    /** The members by id, as {@code {3, 7}}; use {@link #toList} for value names. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = next(0); i >= 0; i = next(i + 1)) {
            sb.append(sb.length() == 1 ? "" : ", ").append(i);
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
