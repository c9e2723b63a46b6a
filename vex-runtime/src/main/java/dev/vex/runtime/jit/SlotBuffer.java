package dev.vex.runtime.jit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.vex.runtime.jna.VexLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's argument and result slots in native memory, for calls from Java that copy nothing:
 * the caller writes the canonical argument slots with {@link #put}, {@link #invoke} hands their
 * address to {@code vex_invoke}, and the results are read back with {@link #get}. Writes and
 * reads are plain {@link ByteBuffer} accesses, which the JIT compiles to moves.
 *
 * <p>The call itself is a JNI native method implemented in libvexrt ({@code jni_invoke.c}) with
 * only {@code long} parameters: one JNI transition, nothing pinned or copied, none of JNA's
 * per-call dispatch. For the JVM to link it, the library JNA loaded is loaded once more with
 * {@link System#load} (the same file, so the same copy in memory). Should that fail, the call
 * goes through JNA direct mapping of {@code vex_invoke} instead, slower but equally copy-free.
 *
 * <p>One buffer per thread, made on first use and reused. A Java callback that calls generated
 * code again reuses it too: the array entry has read its arguments before it calls, and each call
 * reads its results before returning to the one outside it.
 */
public final class SlotBuffer {
    /** Arguments plus results a buffered call can take; larger signatures use arrays. */
    public static final int SLOTS = 32;

    /** Whether {@link #invokeEntry} is linked (else {@link JnaDirect} is used). */
    private static final boolean JNI = linkJni();

    private static final ThreadLocal<SlotBuffer> PER_THREAD = ThreadLocal.withInitial(SlotBuffer::new);

    private final ByteBuffer slots = ByteBuffer.allocateDirect(SLOTS * 8).order(ByteOrder.nativeOrder());
    private final long address = Pointer.nativeValue(Native.getDirectBufferPointer(slots));

    private SlotBuffer() {
    }

    /** This thread's buffer. */
    public static SlotBuffer forThisThread() {
        return PER_THREAD.get();
    }

    /** Sets slot {@code i} (arguments from 0, results after them). */
    public void put(int i, long bits) {
        slots.putLong(i << 3, bits);
    }

    /** Slot {@code i}. */
    public long get(int i) {
        return slots.getLong(i << 3);
    }

    /**
     * Calls the array entry {@code entry} with slots 0..{@code argCount}-1 as its arguments; its
     * results land in the slots from {@code argCount} on. Returns 0 or the trap code
     * ({@link TrapExit#vex_last_trap} has the details).
     */
    public int invoke(long entry, int argCount) {
        long results = address + ((long) argCount << 3);
        return JNI ? invokeEntry(entry, address, results) : JnaDirect.vex_invoke(entry, address, results, 0);
    }

    /** Whether calls take the JNI method; for tests and diagnostics. */
    public static boolean usesJni() {
        return JNI;
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
