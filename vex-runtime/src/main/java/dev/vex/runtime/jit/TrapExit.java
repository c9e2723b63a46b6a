package dev.vex.runtime.jit;

import com.sun.jna.Native;
import dev.vex.runtime.jna.VexLibrary;

/**
 * The trap exit of libvexrt ({@code invoke.c}, {@code trap.c}), bound with JNA direct mapping:
 * a call costs one JNI transition and copies the arrays, with no per-call reflection.
 */
public final class TrapExit {
    static {
        Native.register(TrapExit.class, VexLibrary.nativeLibrary());
    }

    private TrapExit() {
    }

    /**
     * Calls the array entry at {@code entry} with {@code args} and {@code results} as its two
     * pointers. Returns 0, or the trap code with {@code trap[0]} = the code and {@code trap[1]} =
     * the address after the trapping call. {@code trap} may be null ({@link #vex_last_trap} has it then). ({@code entry} is the C function pointer as a 64-bit
     * integer, which the System V and AAPCS64 calling conventions pass alike.)
     */
    public static native int vex_invoke(long entry, long[] args, long[] results, long[] trap);

    /** The last trap a {@code vex_invoke} on this thread returned: {@code out[0]} the code, {@code out[1]} the address. */
    public static native void vex_last_trap(long[] out);

    /** {@code vex_stack_limit}'s offset from the thread pointer, the same on every thread. */
    public static native long vex_stack_limit_tpoff();
}
