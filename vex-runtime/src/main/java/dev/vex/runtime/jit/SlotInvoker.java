package dev.vex.runtime.jit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * How Java reaches {@code vex_invoke} for a call whose slots are already in native memory (a
 * {@link SlotBuffer}): a JNI method on JDK 17, an FFM downcall handle on JDK 22 and later.
 * {@link CallBinding} picks one per process.
 */
public interface SlotInvoker {
    /**
     * Calls {@code vex_invoke(entry, args, results, NULL)}: the array entry {@code entry} with the
     * argument slots at native address {@code args} and the result slots at {@code results}.
     * Returns 0, or the trap code ({@link TrapExit#vex_last_trap} has the details).
     */
    int invoke(long entry, long args, long results);

    /** The binding's name for diagnostics and benchmarks: {@code ffm}, {@code jni} or {@code jna}. */
    String binding();

    /**
     * A downcall straight to the C-ABI code at {@code address}, typed {@code type} (primitive
     * parameters and result only), with no trap handling and no module lifetime check: the raw
     * cost of the binding, which benchmarks compare the guarded path with. Null where the binding
     * has no typed downcalls (before JDK 22).
     */
    MethodHandle unguardedDowncall(long address, MethodType type);
}
