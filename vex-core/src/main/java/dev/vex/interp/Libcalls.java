package dev.vex.interp;

import dev.vex.ir.Libcall;
import dev.vex.ir.Type;

/** The interpreter's own implementations of {@link Libcall}s, with the C library's semantics. */
final class Libcalls {
    private static final long[] NONE = new long[0];

    private Libcalls() {}

    /** Runs {@code call} on canonical arguments; returns its results. */
    static long[] invoke(Libcall call, long[] a, Memory memory) {
        if (a.length != call.signature().params().size()) {
            throw new InterpreterFailure("%" + call.clifName() + " takes " + call.signature().params().size()
                    + " arguments, not " + a.length);
        }
        return switch (call) {
            case CEIL_F32 -> one(FloatArithmetic.ceil(Type.F32, a[0]));
            case CEIL_F64 -> one(FloatArithmetic.ceil(Type.F64, a[0]));
            case FLOOR_F32 -> one(FloatArithmetic.floor(Type.F32, a[0]));
            case FLOOR_F64 -> one(FloatArithmetic.floor(Type.F64, a[0]));
            case TRUNC_F32 -> one(FloatArithmetic.trunc(Type.F32, a[0]));
            case TRUNC_F64 -> one(FloatArithmetic.trunc(Type.F64, a[0]));
            case NEAREST_F32 -> one(FloatArithmetic.nearest(Type.F32, a[0]));
            case NEAREST_F64 -> one(FloatArithmetic.nearest(Type.F64, a[0]));
            case FMA_F32 -> one(FloatArithmetic.fma(Type.F32, a[0], a[1], a[2]));
            case FMA_F64 -> one(FloatArithmetic.fma(Type.F64, a[0], a[1], a[2]));
            case MEMCPY, MEMMOVE -> {
                byte[] bytes = new byte[checkedLength(a[2])];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) memory.load(a[1] + i, 1, false);
                }
                for (int i = 0; i < bytes.length; i++) {
                    memory.store(a[0] + i, 1, false, bytes[i]);
                }
                yield NONE;
            }
            case MEMSET -> {
                int n = checkedLength(a[2]);
                for (int i = 0; i < n; i++) {
                    memory.store(a[0] + i, 1, false, a[1]);
                }
                yield NONE;
            }
            case MEMCMP -> {
                int n = checkedLength(a[2]);
                long r = 0;
                for (int i = 0; i < n && r == 0; i++) {
                    r = memory.load(a[0] + i, 1, false) - memory.load(a[1] + i, 1, false);
                }
                yield one(r & 0xffff_ffffL);
            }
        };
    }

    private static long[] one(long v) {
        return new long[] {v};
    }

    private static int checkedLength(long n) {
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new Trap(dev.vex.ir.TrapCode.HEAP_OUT_OF_BOUNDS);
        }
        return (int) n;
    }
}
