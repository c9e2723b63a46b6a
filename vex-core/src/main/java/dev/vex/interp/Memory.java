package dev.vex.interp;

import dev.vex.ir.TrapCode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated address space of one run. Every address fits in 32 bits, so that
 * {@code stack_addr.i32} and 32-bit pointers work:
 * <pre>
 *   0x0000_1000 ..              function tokens (func_addr); not memory
 *   0x1000_0000 .. 0x8000_0000  task stacks ({@link StackSegment}): 64 MiB for the root task
 *                               (conformance tests use megabyte slots), 1 MiB for each spawned one
 *   0x8000_0000 .. 0xffff_0000  heap blocks of %vex_alloc, 16-byte aligned, 16-byte gaps;
 *                               addresses are not reused after %vex_free
 * </pre>
 * An access that is not wholly inside the mapped part of one stack or one live heap block traps
 * with {@code heap_oob}, as a guard page or a bounds check would. Unaligned accesses are allowed.
 * Multi-byte values are little-endian unless the access asks for big-endian.
 */
final class Memory {
    static final long STACK_BASE = 0x1000_0000L;
    /** Stacks are made of 1 MiB windows of the address space. */
    static final int WINDOW_BITS = 20;
    /** Windows of the root task's stack, and of each spawned task's. */
    static final int ROOT_STACK_WINDOWS = 64;
    static final int TASK_STACK_WINDOWS = 1;
    static final long HEAP_BASE = 0x8000_0000L;
    static final long HEAP_END = 0xffff_0000L;
    private static final int MAX_WINDOWS = (int) ((HEAP_BASE - STACK_BASE) >>> WINDOW_BITS);
    private static final long HEAP_GAP = 16;
    /**
     * Live heap bytes a run may hold: the interpreter backs heap blocks with Java arrays, so a
     * runaway allocation loop must end in {@code %vex_alloc} returning 0, not in the JVM running
     * out of memory.
     */
    static final long MAX_LIVE_HEAP = 64L << 20;

    /** The stack each window belongs to: a stack of n windows fills n consecutive entries. */
    private final StackSegment[] windows = new StackSegment[MAX_WINDOWS];
    private int windowsUsed;
    /** Released single-window stacks, for reuse. */
    private final ArrayDeque<StackSegment> freeTaskStacks = new ArrayDeque<>();
    private final TreeMap<Long, byte[]> heap = new TreeMap<>();
    private long heapNext = HEAP_BASE;
    private long liveHeap;

    // The array and index the last resolve found; set by resolve, read right after it.
    private byte[] hitArray;
    private int hitIndex;

    /**
     * A stack of {@code windowCount} windows for a task, or null when the address range is used
     * up. Single-window stacks are reused after release.
     */
    StackSegment newStack(int windowCount) {
        if (windowCount == 1) {
            StackSegment s = freeTaskStacks.poll();
            if (s != null) {
                s.top = 0;
                return s;
            }
        }
        if (MAX_WINDOWS - windowsUsed < windowCount) {
            return null;
        }
        StackSegment s = new StackSegment(STACK_BASE + ((long) windowsUsed << WINDOW_BITS), windowCount << WINDOW_BITS);
        for (int i = 0; i < windowCount; i++) {
            windows[windowsUsed++] = s;
        }
        return s;
    }

    /** Gives a finished task's stack back; its addresses stay unmapped until it is reused. */
    void releaseStack(StackSegment s) {
        s.top = 0;
        if (s.capacity() == 1 << WINDOW_BITS) {
            freeTaskStacks.add(s);
        }
    }

    /**
     * {@code %vex_alloc}: a zeroed block of {@code size} bytes, or 0 if it cannot be had (a
     * negative size, more than {@link #MAX_LIVE_HEAP} live, or the heap range used up).
     */
    long alloc(long size) {
        if (size < 0 || size > MAX_LIVE_HEAP - liveHeap) {
            return 0;
        }
        long addr = heapNext;
        if (addr + size > HEAP_END) {
            return 0;
        }
        heap.put(addr, new byte[(int) size]);
        liveHeap += size;
        heapNext = (addr + size + HEAP_GAP + 15) & -16L;
        return addr;
    }

    /** {@code %vex_free}: 0 is ignored; anything but the start of a live block fails the run. */
    void free(long addr) {
        if (addr == 0) {
            return;
        }
        byte[] block = heap.remove(addr);
        if (block == null) {
            throw new InterpreterFailure("%vex_free(0x" + Long.toHexString(addr) + "): not a live heap block");
        }
        liveHeap -= block.length;
    }

    long load(long addr, int width, boolean bigEndian) {
        resolve(addr, width);
        byte[] a = hitArray;
        int i = hitIndex;
        long v = 0;
        if (bigEndian) {
            for (int k = 0; k < width; k++) {
                v = (v << 8) | (a[i + k] & 0xffL);
            }
        } else {
            for (int k = width - 1; k >= 0; k--) {
                v = (v << 8) | (a[i + k] & 0xffL);
            }
        }
        return v;
    }

    void store(long addr, int width, boolean bigEndian, long value) {
        resolve(addr, width);
        byte[] a = hitArray;
        int i = hitIndex;
        if (bigEndian) {
            for (int k = width - 1; k >= 0; k--) {
                a[i + k] = (byte) value;
                value >>>= 8;
            }
        } else {
            for (int k = 0; k < width; k++) {
                a[i + k] = (byte) value;
                value >>>= 8;
            }
        }
    }

    /** Whether {@code [addr, addr + length)} lies wholly inside one stack or one live heap block. */
    boolean isMapped(long addr, long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        try {
            resolve(addr, (int) length);
            return true;
        } catch (Trap t) {
            return false;
        }
    }

    /** Copies {@code n} bytes from {@code src} to {@code addr} (a range {@link #isMapped} accepted). */
    void storeBytes(long addr, byte[] src, int n) {
        resolve(addr, n);
        System.arraycopy(src, 0, hitArray, hitIndex, n);
    }

    /** Copies {@code n} bytes at {@code addr} into {@code dst} (a range {@link #isMapped} accepted). */
    void loadBytes(long addr, byte[] dst, int n) {
        resolve(addr, n);
        System.arraycopy(hitArray, hitIndex, dst, 0, n);
    }

    /**
     * Loads a 16-byte value into {@code lo[k]}, {@code hi[k]}: the whole access is checked first,
     * so a partly mapped one traps without a half done.
     */
    void loadWide(long addr, boolean bigEndian, long[] lo, long[] hi, int k) {
        resolve(addr, 16);
        lo[k] = load(bigEndian ? addr + 8 : addr, 8, bigEndian);
        hi[k] = load(bigEndian ? addr : addr + 8, 8, bigEndian);
    }

    /** Stores a 16-byte value, checking the whole access first. */
    void storeWide(long addr, boolean bigEndian, long lo, long hi) {
        resolve(addr, 16);
        store(bigEndian ? addr + 8 : addr, 8, bigEndian, lo);
        store(bigEndian ? addr : addr + 8, 8, bigEndian, hi);
    }

    /** Finds the bytes behind {@code [addr, addr + width)} or traps with heap_oob. */
    private void resolve(long addr, int width) {
        if (addr >= STACK_BASE && addr < HEAP_BASE) {
            int w = (int) ((addr - STACK_BASE) >>> WINDOW_BITS);
            if (w < windowsUsed) {
                StackSegment s = windows[w];
                long off = addr - s.base;
                if (off + width <= s.top) {
                    hitArray = s.bytes;
                    hitIndex = (int) off;
                    return;
                }
            }
        } else if (addr >= HEAP_BASE && addr < HEAP_END) {
            Map.Entry<Long, byte[]> e = heap.floorEntry(addr);
            if (e != null) {
                long off = addr - e.getKey();
                if (off + width <= e.getValue().length) {
                    hitArray = e.getValue();
                    hitIndex = (int) off;
                    return;
                }
            }
        }
        throw new Trap(TrapCode.HEAP_OUT_OF_BOUNDS);
    }
}
