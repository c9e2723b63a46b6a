package dev.vex.runtime.jit;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A thread's argument and result slots in native memory, for calls from Java that copy nothing:
 * the caller writes the canonical argument slots with {@link #put}, {@link #invoke} hands their
 * address to {@code vex_invoke}, and the results are read back with {@link #get}. Writes and
 * reads are plain {@link ByteBuffer} accesses, which the JIT compiles to moves.
 *
 * <p>The call itself goes through the process's {@link SlotInvoker} ({@link CallBinding}): an FFM
 * downcall handle on JDK 22 and later, a JNI method of libvexrt on JDK 17. Both pass only
 * {@code long}s: nothing is pinned or copied.
 *
 * <p>One buffer per thread, made on first use and reused. A Java callback that calls generated
 * code again reuses it too: the array entry has read its arguments before it calls, and each call
 * reads its results before returning to the one outside it.
 */
public final class SlotBuffer {
    /** Arguments plus results a buffered call can take; larger signatures use arrays. */
    public static final int SLOTS = 32;

    private static final SlotInvoker INVOKER = CallBinding.invoker();

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
        return INVOKER.invoke(entry, address, address + ((long) argCount << 3));
    }

    /** Whether calls take libvexrt's JNI method; for tests and diagnostics. */
    public static boolean usesJni() {
        return INVOKER.binding().equals("jni");
    }

    /** The binding calls take: {@code ffm}, {@code jni} or {@code jna}; for tests and diagnostics. */
    public static String binding() {
        return INVOKER.binding();
    }
}
