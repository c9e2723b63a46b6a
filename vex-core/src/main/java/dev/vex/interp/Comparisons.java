package dev.vex.interp;

import static dev.vex.interp.Canonical.signed;

import dev.vex.ir.FloatCC;
import dev.vex.ir.IntCC;
import dev.vex.ir.Type;

/** Integer and float comparisons (results are {@code i8} 0 or 1) and selection. */
final class Comparisons {
    private Comparisons() {}

    static long icmp(IntCC cc, Type t, long a, long b) {
        boolean holds = switch (cc) {
            case EQ -> a == b;
            case NE -> a != b;
            case SLT -> signed(a, t) < signed(b, t);
            case SGE -> signed(a, t) >= signed(b, t);
            case SGT -> signed(a, t) > signed(b, t);
            case SLE -> signed(a, t) <= signed(b, t);
            case ULT -> Long.compareUnsigned(a, b) < 0;
            case UGE -> Long.compareUnsigned(a, b) >= 0;
            case UGT -> Long.compareUnsigned(a, b) > 0;
            case ULE -> Long.compareUnsigned(a, b) <= 0;
        };
        return holds ? 1 : 0;
    }

    /** IEEE comparison: a NaN operand makes the outcome unordered; -0.0 equals +0.0. */
    static long fcmp(FloatCC cc, Type t, long a, long b) {
        // Widening f32 to f64 is exact and keeps NaN a NaN, so one comparison serves both.
        return cc.holds(FloatBits.toDouble(t, a), FloatBits.toDouble(t, b)) ? 1 : 0;
    }

    /** {@code select}: the condition is any integer, true when non-zero. */
    static long select(long condition, long ifTrue, long ifFalse) {
        return condition != 0 ? ifTrue : ifFalse;
    }
}
