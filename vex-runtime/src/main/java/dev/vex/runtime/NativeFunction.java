package dev.vex.runtime;

import dev.vex.backend.CompiledFunction;
import dev.vex.ir.Signature;
import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;
import dev.vex.runtime.jit.JitImage;
import dev.vex.runtime.jit.SlotBuffer;
import dev.vex.runtime.jit.TrapExit;
import java.lang.invoke.MethodHandle;

/**
 * A sync function of a {@link NativeModule}, called from Java through its array entry and the
 * runtime's {@code vex_invoke}. Calls from several threads at once are fine.
 *
 * <p>Java values for {@link #invoke(Object...)}:
 * <ul>
 *   <li>{@code i8}, {@code i16}, {@code i32}, {@code i64}: any of {@code Byte}, {@code Short},
 *       {@code Integer}, {@code Long} whose value fits the type read as signed or as unsigned
 *       ({@code i8} takes -128..255), so {@code invoke(1, 2)} works for {@code i64} parameters.
 *       Results come back as {@code Byte}, {@code Short}, {@code Integer}, {@code Long}.</li>
 *   <li>{@code f32}: a {@code Float}; {@code f64}: a {@code Double}, or a {@code Float} (widened
 *       exactly). Results come back as {@code Float} and {@code Double}, bits unchanged.</li>
 * </ul>
 * Anything else, or the wrong number of arguments, throws {@link VexCallException} naming the
 * function, the argument and the type expected. A trap throws {@link VexTrapException}.
 */
public final class NativeFunction {
    private static final long[] NO_VALUES = new long[0];

    private final NativeModule owner;
    private final CompiledFunction compiled;
    private final long entry;
    private final Type[] params;
    private final Type[] results;
    /** The type of each argument slot and of each result slot: an {@code i128} takes two. */
    private final Type[] paramSlots;
    private final Type[] resultSlots;
    private final FutureDescriptor descriptor; // async functions only
    /** {@link #handle()}'s, made on first use; a race makes two equal handles, which is harmless. */
    private volatile MethodHandle handle;

    NativeFunction(NativeModule owner, CompiledFunction compiled, long entry, FutureDescriptor descriptor) {
        this.owner = owner;
        this.descriptor = descriptor;
        this.compiled = compiled;
        this.entry = entry;
        Signature sig = compiled.signature();
        this.params = sig.params().stream().map(p -> p.type()).toArray(Type[]::new);
        this.results = sig.returns().stream().map(p -> p.type()).toArray(Type[]::new);
        this.paramSlots = slotTypes(params);
        this.resultSlots = slotTypes(results);
    }

    /** One entry per 64-bit slot: a wide type's two halves are each a full 64-bit slot. */
    private static Type[] slotTypes(Type[] types) {
        return java.util.Arrays.stream(types)
                .flatMap(t -> t.isWide() ? java.util.stream.Stream.of(Type.I64, Type.I64) : java.util.stream.Stream.of(t))
                .toArray(Type[]::new);
    }

    /** The IR name, without {@code %}. */
    public String name() {
        return compiled.name();
    }

    /** The IR signature. */
    public Signature signature() {
        return compiled.signature();
    }

    /** Whether it is an async function (run it as a task, through {@link VexRuntime}). */
    public boolean isAsync() {
        return compiled.isAsync();
    }

    /**
     * The {@code vex_future_desc} of an async function, to spawn it on a {@link VexRuntime} by
     * hand; {@link VexRuntime#blockOn(NativeFunction, Object...)} and
     * {@link VexRuntime#spawn(NativeFunction, Object...)} are the typed way.
     */
    public FutureDescriptor descriptor() {
        if (descriptor == null) {
            throw new VexCallException("%" + name() + " is not async: it has no future descriptor");
        }
        return descriptor;
    }

    /**
     * Calls the function with Java values (see the class comment). Returns null when it has no
     * result, the boxed result when it has one, and an {@code Object[]} when it has several.
     */
    public Object invoke(Object... args) {
        return boxResults(call(argumentBits(args)));
    }

    /** Java values (as for {@link #invoke}) to canonical argument slots; checks count and types. */
    long[] argumentBits(Object... args) {
        checkCount(args.length);
        long[] bits = args.length == 0 ? NO_VALUES : new long[args.length];
        for (int i = 0; i < args.length; i++) {
            bits[i] = toBits(i, args[i]);
        }
        return bits;
    }

    /** Result slots as {@link #invoke} returns them: null, one boxed value, or an {@code Object[]}. */
    Object boxResults(long[] out) {
        if (resultSlots.length != results.length) {
            throw new VexCallException("%" + name() + " returns an i128: call it with invokeBits");
        }
        if (out.length == 0) {
            return null;
        }
        if (out.length == 1) {
            return box(results[0], out[0]);
        }
        Object[] boxed = new Object[out.length];
        for (int i = 0; i < out.length; i++) {
            boxed[i] = box(results[i], out[i]);
        }
        return boxed;
    }

    /**
     * Calls a function whose parameters are all integers and whose one result is an integer;
     * each argument must fit its type as for {@link #invoke}. The result is sign-extended from
     * its type's width (an {@code i32} -1 is -1L).
     */
    public long invokeLong(long... args) {
        checkCount(args.length);
        if (results.length != 1 || results[0].isFloat() || results[0].isWide()) {
            throw new VexCallException("invokeLong needs one integer result of up to 64 bits; %" + name() + " returns "
                    + compiled.signature().returns());
        }
        if (args.length + 1 > SlotBuffer.SLOTS) {
            return invokeLongWithArrays(args);
        }
        // Copy-free: the slots are this thread's native buffer.
        SlotBuffer slots = SlotBuffer.forThisThread();
        for (int i = 0; i < args.length; i++) {
            if (params[i].isFloat()) {
                throw floatToInvokeLong(i);
            }
            slots.put(i, integerBits(i, args[i]));
        }
        long r = callBuffered(slots, args.length);
        int shift = 64 - results[0].bits();
        return r << shift >> shift;
    }

    /**
     * Calls with the {@code argCount} argument slots already in {@code slots}; returns the first
     * result slot (meaningless when there is no result). Throws if the module is closed, the
     * function is async, or the call traps.
     */
    long callBuffered(SlotBuffer slots, int argCount) {
        if (compiled.isAsync()) {
            throw new VexCallException("%" + name() + " is async: run it as a task (VexRuntime.blockOn or spawn)");
        }
        owner.enter(name());
        int code;
        try {
            code = slots.invoke(entry, argCount);
        } finally {
            owner.exit();
        }
        if (code != 0) {
            long[] trap = new long[2];
            TrapExit.vex_last_trap(trap);
            throw trapped(code, trap[1]);
        }
        return slots.get(argCount);
    }

    /**
     * A {@link MethodHandle} that calls the function with Java primitives: {@code i8}, {@code i16},
     * {@code i32}, {@code i64}, {@code f32}, {@code f64} as {@code byte}, {@code short},
     * {@code int}, {@code long}, {@code float}, {@code double}, and a {@code void} result when the
     * function has none. So {@code %add(i64, i64) -> i64} gives {@code (long,long)long}, for
     * {@code invokeExact}. A trap throws {@link VexTrapException}; a call after the module is
     * closed throws {@link VexCallException}.
     *
     * <p>On JDK 22 and later the call is an FFM downcall ({@code java.lang.foreign}); on JDK 17 a
     * JNI method. Either way the arguments go through this thread's native slots, with nothing
     * allocated for up to six parameters. Held in a {@code static final} field, the handle
     * inlines into its caller. The handle is made once and cached.
     *
     * @throws VexCallException for an async function, several results, or a type without a Java
     *         primitive ({@code i128}, {@code f16}, {@code f128})
     */
    public MethodHandle handle() {
        MethodHandle h = handle;
        if (h == null) {
            h = CallHandles.of(this, params, results);
            handle = h;
        }
        return h;
    }

    /**
     * The address of the function's code, which follows the platform's C calling convention (a
     * sync function only): for linking it into C, or into other generated code by hand. A call
     * there bypasses what {@link #invoke} and {@link #handle()} do: a trap is not caught (it ends
     * the process) and nothing keeps the module open.
     */
    public long address() {
        if (compiled.isAsync()) {
            throw new VexCallException("%" + name() + " is async: it has no C entry (its symbol is a resume function)");
        }
        return owner.image().address(compiled.symbol());
    }

    private long invokeLongWithArrays(long[] args) {
        long[] bits = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            if (params[i].isFloat()) {
                throw floatToInvokeLong(i);
            }
            bits[i] = integerBits(i, args[i]);
        }
        long r = call(bits)[0];
        int shift = 64 - results[0].bits();
        return r << shift >> shift;
    }

    /**
     * Calls a function whose parameters and one result are floats. An {@code f32} parameter gets
     * its argument rounded to float; an {@code f32} result is widened exactly.
     */
    public double invokeDouble(double... args) {
        checkCount(args.length);
        if (results.length != 1 || !results[0].isFloat()) {
            throw new VexCallException("invokeDouble needs one float result; %" + name() + " returns "
                    + compiled.signature().returns());
        }
        long[] bits = args.length == 0 ? NO_VALUES : new long[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!params[i].isFloat()) {
                throw new VexCallException("argument " + i + " of %" + name() + " is " + params[i]
                        + ": invokeDouble passes floats only (use invoke or invokeBits)");
            }
            bits[i] = params[i] == Type.F32 ? Float.floatToRawIntBits((float) args[i]) & 0xFFFF_FFFFL
                    : Double.doubleToRawLongBits(args[i]);
        }
        long r = call(bits)[0];
        return results[0] == Type.F32 ? Float.intBitsToFloat((int) r) : Double.longBitsToDouble(r);
    }

    /**
     * Calls with raw canonical bit patterns: one slot per parameter (its type's low bits are used;
     * floats as IEEE 754 bits) and one per result, as the array entry stores them. An
     * {@code i128} takes two slots, its low half first.
     */
    public long[] invokeBits(long... args) {
        checkSlots(args.length);
        long[] bits = args.length == 0 ? NO_VALUES : new long[args.length];
        for (int i = 0; i < args.length; i++) {
            bits[i] = args[i] & paramSlots[i].mask();
        }
        return call(bits);
    }

    private long[] call(long[] args) {
        long[] out = resultSlots.length == 0 ? NO_VALUES : new long[resultSlots.length];
        callInto(args, out);
        return out;
    }

    /**
     * Calls with canonical bit patterns, writing the results into {@code results}: nothing is
     * allocated unless the call traps. Each argument must already be canonical (upper bits zero
     * beyond its type's width); {@code out} must have at least one slot per result (two per
     * {@code i128}, as for the arguments).
     */
    public void invokeBits(long[] args, long[] out) {
        checkSlots(args.length);
        for (int i = 0; i < args.length; i++) {
            if ((args[i] & ~paramSlots[i].mask()) != 0) {
                String which = paramSlots.length == params.length ? "argument " : "argument slot ";
                throw new VexCallException(which + i + " of %" + name() + " is " + paramSlots[i]
                        + ": 0x" + Long.toHexString(args[i]) + " is not a canonical " + paramSlots[i] + " slot");
            }
        }
        if (out.length < resultSlots.length) {
            throw new VexCallException("%" + name() + " has " + resultSlots.length + " result"
                    + (resultSlots.length == results.length ? "s" : " slots") + "; the array holds "
                    + out.length);
        }
        callInto(args, out);
    }

    private void callInto(long[] args, long[] out) {
        if (compiled.isAsync()) {
            throw new VexCallException("%" + name() + " is async: run it as a task (VexRuntime.blockOn or spawn)");
        }
        owner.enter(name());
        int code;
        try {
            code = TrapExit.vex_invoke(entry, args, out, null);
        } finally {
            owner.exit();
        }
        if (code != 0) {
            long[] trap = new long[2];
            TrapExit.vex_last_trap(trap);
            throw trapped(code, trap[1]);
        }
    }

    private VexCallException floatToInvokeLong(int i) {
        return new VexCallException("argument " + i + " of %" + name() + " is " + params[i]
                + ": invokeLong passes integers only (use invoke or invokeBits)");
    }

    /** The exception for trap {@code code} whose trap call returns to {@code pc} (0: unknown). */
    VexTrapException trapped(int code, long pc) {
        // The module may be closed by now: only addresses are compared, no memory is read.
        JitImage image = owner.image();
        CompiledFunction where = image.functionAt(pc - 1);
        String fn = where != null ? where.name() : name();
        long offset = where != null ? pc - image.base() - where.offset() : -1;
        return new VexTrapException(TrapCode.fromNumber(code), code, fn, offset);
    }

    /** As {@link #checkCount} for {@link #invokeBits}, which counts 64-bit slots. */
    private void checkSlots(int n) {
        if (paramSlots.length == params.length) {
            checkCount(n);
        } else if (n != paramSlots.length) {
            throw new VexCallException("%" + name() + " takes " + paramSlots.length + " argument slots "
                    + compiled.signature().params() + " (two per i128), not " + n);
        }
    }

    private void checkCount(int n) {
        if (n != params.length) {
            throw new VexCallException("%" + name() + " takes " + params.length + " argument"
                    + (params.length == 1 ? "" : "s") + " " + compiled.signature().params() + ", not " + n);
        }
    }

    private long toBits(int i, Object arg) {
        Type t = params[i];
        if (t.isFloat()) {
            if (t == Type.F32 && arg instanceof Float f) {
                return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
            }
            if (t == Type.F64 && arg instanceof Double d) {
                return Double.doubleToRawLongBits(d);
            }
            if (t == Type.F64 && arg instanceof Float f) {
                return Double.doubleToRawLongBits(f.doubleValue());
            }
            throw badType(i, arg, t == Type.F32 ? "a Float" : "a Double or Float");
        }
        if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            return integerBits(i, ((Number) arg).longValue());
        }
        throw badType(i, arg, "a Byte, Short, Integer or Long");
    }

    private long integerBits(int i, long v) {
        Type t = params[i];
        if (t.isWide()) {
            throw new VexCallException("argument " + i + " of %" + name() + " is " + t
                    + ": pass it as two slots with invokeBits");
        }
        if (t.bits() < 64) {
            long min = -(1L << (t.bits() - 1));
            long max = (1L << t.bits()) - 1;
            if (v < min || v > max) {
                throw new VexCallException("argument " + i + " of %" + name() + " is " + t + ": " + v
                        + " does not fit (" + min + ".." + max + ")");
            }
        }
        return v & t.mask();
    }

    private VexCallException badType(int i, Object arg, String expected) {
        String got = arg == null ? "null" : arg.getClass().getSimpleName() + " " + arg;
        return new VexCallException("argument " + i + " of %" + name() + " is " + params[i] + ": expected "
                + expected + ", got " + got);
    }

    /** The module this function belongs to. */
    public NativeModule module() {
        return owner;
    }

    private static Object box(Type t, long bits) {
        return switch (t) {
            case I8 -> (byte) bits;
            case I16 -> (short) bits;
            case I32 -> (int) bits;
            case I64 -> bits;
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
            case F16 -> (short) bits;
            case I128, F128 -> throw new VexCallException("a native function cannot return a " + t + " yet");
        };
    }
}
