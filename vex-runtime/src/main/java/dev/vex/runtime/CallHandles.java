package dev.vex.runtime;

import dev.vex.ir.Type;
import dev.vex.runtime.jit.SlotBuffer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Builds {@link NativeFunction#handle()}: a core that takes canonical slots as {@code long}s
 * ({@code callK}, one per arity up to six, then an array), bound to the function, with each
 * parameter filtered from its Java primitive to its slot and the result slot filtered back. The
 * combinators are plain method handles, so a constant handle inlines down to the slot writes and
 * the binding's call.
 */
final class CallHandles {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    /** Parameters taken one by one; more go through an array. */
    private static final int SPREAD = 6;

    private CallHandles() {
    }

    static MethodHandle of(NativeFunction f, Type[] params, Type[] results) {
        if (f.isAsync()) {
            throw new VexCallException("%" + f.name() + " is async: it has no call handle (run it as a task)");
        }
        if (results.length > 1) {
            throw new VexCallException("%" + f.name() + " has " + results.length
                    + " results: a call handle returns one at most (use invokeBits)");
        }
        if (params.length + results.length > SlotBuffer.SLOTS) {
            throw new VexCallException("%" + f.name() + " has " + params.length + " parameters: a call handle takes "
                    + (SlotBuffer.SLOTS - results.length) + " at most (use invokeBits)");
        }
        try {
            MethodHandle core = core(params.length).bindTo(f);
            MethodHandle[] in = new MethodHandle[params.length];
            for (int i = 0; i < params.length; i++) {
                in[i] = toSlot(f, params[i]);
            }
            MethodHandle h = MethodHandles.filterArguments(core, 0, in);
            return results.length == 0 ? MethodHandles.dropReturn(h)
                    : MethodHandles.filterReturnValue(h, fromSlot(f, results[0]));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("CallHandles is missing a method", e);
        }
    }

    private static MethodHandle core(int n) throws NoSuchMethodException, IllegalAccessException {
        if (n > SPREAD) {
            MethodHandle spread = LOOKUP.findStatic(CallHandles.class, "callN",
                    MethodType.methodType(long.class, NativeFunction.class, long[].class));
            return spread.asCollector(long[].class, n);
        }
        Class<?>[] types = new Class<?>[n + 1];
        types[0] = NativeFunction.class;
        for (int i = 1; i <= n; i++) {
            types[i] = long.class;
        }
        return LOOKUP.findStatic(CallHandles.class, "call" + n, MethodType.methodType(long.class, types));
    }

    /** Java primitive to canonical slot: zero-extended from the type's width, floats as bits. */
    private static MethodHandle toSlot(NativeFunction f, Type t) throws NoSuchMethodException, IllegalAccessException {
        Class<?> java = javaType(f, t);
        if (java == long.class) {
            return MethodHandles.identity(long.class);
        }
        String name = "slotOf" + Character.toUpperCase(java.getName().charAt(0)) + java.getName().substring(1);
        return LOOKUP.findStatic(CallHandles.class, name, MethodType.methodType(long.class, java));
    }

    /** Result slot to Java primitive. */
    private static MethodHandle fromSlot(NativeFunction f, Type t) throws NoSuchMethodException, IllegalAccessException {
        Class<?> java = javaType(f, t);
        if (java == long.class) {
            return MethodHandles.identity(long.class);
        }
        String name = java.getName() + "Of";
        return LOOKUP.findStatic(CallHandles.class, name, MethodType.methodType(java, long.class));
    }

    private static Class<?> javaType(NativeFunction f, Type t) {
        return switch (t) {
            case I8 -> byte.class;
            case I16 -> short.class;
            case I32 -> int.class;
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case F16, I128, F128 -> throw new VexCallException("%" + f.name() + " has a " + t
                    + " in its signature: a call handle passes Java primitives only (use invokeBits)");
        };
    }

    private static long call0(NativeFunction f) {
        return f.callBuffered(SlotBuffer.forThisThread(), 0);
    }

    private static long call1(NativeFunction f, long a) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        return f.callBuffered(s, 1);
    }

    private static long call2(NativeFunction f, long a, long b) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        s.put(1, b);
        return f.callBuffered(s, 2);
    }

    private static long call3(NativeFunction f, long a, long b, long c) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        s.put(1, b);
        s.put(2, c);
        return f.callBuffered(s, 3);
    }

    private static long call4(NativeFunction f, long a, long b, long c, long d) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        s.put(1, b);
        s.put(2, c);
        s.put(3, d);
        return f.callBuffered(s, 4);
    }

    private static long call5(NativeFunction f, long a, long b, long c, long d, long e) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        s.put(1, b);
        s.put(2, c);
        s.put(3, d);
        s.put(4, e);
        return f.callBuffered(s, 5);
    }

    private static long call6(NativeFunction f, long a, long b, long c, long d, long e, long g) {
        SlotBuffer s = SlotBuffer.forThisThread();
        s.put(0, a);
        s.put(1, b);
        s.put(2, c);
        s.put(3, d);
        s.put(4, e);
        s.put(5, g);
        return f.callBuffered(s, 6);
    }

    private static long callN(NativeFunction f, long[] args) {
        SlotBuffer s = SlotBuffer.forThisThread();
        for (int i = 0; i < args.length; i++) {
            s.put(i, args[i]);
        }
        return f.callBuffered(s, args.length);
    }

    private static long slotOfByte(byte v) {
        return v & 0xFFL;
    }

    private static long slotOfShort(short v) {
        return v & 0xFFFFL;
    }

    private static long slotOfInt(int v) {
        return v & 0xFFFF_FFFFL;
    }

    private static long slotOfFloat(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    private static long slotOfDouble(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static byte byteOf(long slot) {
        return (byte) slot;
    }

    private static short shortOf(long slot) {
        return (short) slot;
    }

    private static int intOf(long slot) {
        return (int) slot;
    }

    private static float floatOf(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double doubleOf(long slot) {
        return Double.longBitsToDouble(slot);
    }
}
