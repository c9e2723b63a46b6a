package dev.vex.runtime.jit;

import com.sun.jna.Native;
import dev.vex.runtime.jna.VexLibrary;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * The JDK 17 binding: {@code vex_invoke} as a JNI method implemented in libvexrt
 * ({@code jni_invoke.c}) with only {@code long} parameters, so one JNI transition with nothing
 * pinned or copied and none of JNA's per-call dispatch. For the JVM to link it, the library JNA
 * loaded is loaded once more with {@link System#load} (the same file, so the same copy in memory).
 * Should that fail, the call goes through JNA direct mapping instead, slower but equally copy-free.
 */
final class JniSlotInvoker implements SlotInvoker {
    /** Whether {@link #invokeEntry} is linked (else {@link JnaDirect} is used). */
    private static final boolean JNI = linkJni();

    @Override
    public int invoke(long entry, long args, long results) {
        return JNI ? invokeEntry(entry, args, results) : JnaDirect.vex_invoke(entry, args, results, 0);
    }

    @Override
    public String binding() {
        return JNI ? "jni" : "jna";
    }

    @Override
    public MethodHandle unguardedDowncall(long address, MethodType type) {
        return null;
    }

    private static boolean linkJni() {
        try {
            System.load(VexLibrary.nativeLibrary().getFile().getAbsolutePath());
            invokeEntry(0, 0, 0); // entry 0 is refused before anything is called (-1); links the method
            return true;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
    }

    /** {@code vex_invoke(entry, args, results, NULL)}, in {@code jni_invoke.c}; -1 for entry 0. */
    private static native int invokeEntry(long entry, long args, long results);

    /** The fallback: {@code vex_invoke} through JNA direct mapping. */
    private static final class JnaDirect {
        static {
            Native.register(JnaDirect.class, VexLibrary.nativeLibrary());
        }

        static native int vex_invoke(long entry, long args, long results, long trap);
    }
}
