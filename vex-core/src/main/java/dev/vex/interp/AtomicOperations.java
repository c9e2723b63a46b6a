package dev.vex.interp;

import dev.vex.ir.AtomicRmwOp;
import dev.vex.ir.Type;

/**
 * The new value an {@code atomic_rmw} stores, from the old one and the operand. The interpreter
 * runs one task at a time and switches tasks only at suspension points, so a read, this
 * computation and the write back are atomic as they stand.
 */
final class AtomicOperations {
    private AtomicOperations() {}

    /** For a value of up to 64 bits of type {@code t}, both canonical. */
    static long apply(AtomicRmwOp op, Type t, long old, long x) {
        return switch (op) {
            case ADD -> IntArithmetic.iadd(t, old, x);
            case SUB -> IntArithmetic.isub(t, old, x);
            case AND -> old & x;
            case NAND -> ~(old & x) & t.mask();
            case OR -> old | x;
            case XOR -> old ^ x;
            case XCHG -> x;
            case UMIN -> IntArithmetic.umin(t, old, x);
            case UMAX -> IntArithmetic.umax(t, old, x);
            case SMIN -> IntArithmetic.smin(t, old, x);
            case SMAX -> IntArithmetic.smax(t, old, x);
        };
    }

    /** For an i128: writes the new value to {@code lo[k]}, {@code hi[k]}. */
    static void applyWide(AtomicRmwOp op, long ol, long oh, long xl, long xh, long[] lo, long[] hi, int k) {
        switch (op) {
            case ADD -> Int128.add(ol, oh, xl, xh, lo, hi, k);
            case SUB -> Int128.sub(ol, oh, xl, xh, lo, hi, k);
            case AND -> Int128.set(lo, hi, k, ol & xl, oh & xh);
            case NAND -> Int128.set(lo, hi, k, ~(ol & xl), ~(oh & xh));
            case OR -> Int128.set(lo, hi, k, ol | xl, oh | xh);
            case XOR -> Int128.set(lo, hi, k, ol ^ xl, oh ^ xh);
            case XCHG -> Int128.set(lo, hi, k, xl, xh);
            case UMIN -> pick(Int128.compareUnsigned(ol, oh, xl, xh) <= 0, ol, oh, xl, xh, lo, hi, k);
            case UMAX -> pick(Int128.compareUnsigned(ol, oh, xl, xh) >= 0, ol, oh, xl, xh, lo, hi, k);
            case SMIN -> pick(Int128.compareSigned(ol, oh, xl, xh) <= 0, ol, oh, xl, xh, lo, hi, k);
            case SMAX -> pick(Int128.compareSigned(ol, oh, xl, xh) >= 0, ol, oh, xl, xh, lo, hi, k);
        }
    }

    private static void pick(boolean old, long ol, long oh, long xl, long xh, long[] lo, long[] hi, int k) {
        if (old) {
            Int128.set(lo, hi, k, ol, oh);
        } else {
            Int128.set(lo, hi, k, xl, xh);
        }
    }
}
