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
 *   0x1000_0000 .. 0x8000_0000  task stacks, one 1 MiB {@link StackSegment} per live task
 *   0x8000_0000 .. 0xffff_0000  heap blocks of %vex_alloc, 16-byte aligned, 16-byte gaps;
 *                               addresses are not reused after %vex_free
 * </pre>
 * An access that is not wholly inside the mapped part of one stack or one live heap block traps
 * with {@code heap_oob}, as a guard page or a bounds check would. Unaligned accesses are allowed.
 * Multi-byte values are little-endian unless the access asks for big-endian.
 */
final class Memory {
    static final long STACK_BASE = 0x1000_0000L;
    static final int SEGMENT_BITS = 20;
    static final int SEGMENT_SIZE = 1 << SEGMENT_BITS;
    static final long HEAP_BASE = 0x8000_0000L;
    static final long HEAP_END = 0xffff_0000L;
    private static final int MAX_SEGMENTS = (int) ((HEAP_BASE - STACK_BASE) >>> SEGMENT_BITS);
    private static final long HEAP_GAP = 16;
    /**
     * Live heap bytes a run may hold: the interpreter backs heap blocks with Java arrays, so a
     * runaway allocation loop must end in {@code %vex_alloc} returning 0, not in the JVM running
     * out of memory.
     */
    static final long MAX_LIVE_HEAP = 64L << 20;

    private final StackSegment[] segments = new StackSegment[MAX_SEGMENTS];
    private int segmentCount;
    private final ArrayDeque<StackSegment> freeSegments = new ArrayDeque<>();
    private final TreeMap<Long, byte[]> heap = new TreeMap<>();
    private long heapNext = HEAP_BASE;
    private long liveHeap;

    // The array and index the last resolve found; set by resolve, read right after it.
    private byte[] hitArray;
    private int hitIndex;

    /** A stack for a new task, or null when every window is taken. */
    StackSegment newStack() {
        StackSegment s = freeSegments.poll();
        if (s != null) {
            s.top = 0;
            return s;
        }
        if (segmentCount == MAX_SEGMENTS) {
            return null;
        }
        s = new StackSegment(segmentCount, STACK_BASE + ((long) segmentCount << SEGMENT_BITS), SEGMENT_SIZE);
        segments[segmentCount++] = s;
        return s;
    }

    /** Gives a finished task's stack back; its addresses stay unmapped until it is reused. */
    void releaseStack(StackSegment s) {
        s.top = 0;
        freeSegments.add(s);
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

    /** Finds the bytes behind {@code [addr, addr + width)} or traps with heap_oob. */
    private void resolve(long addr, int width) {
        if (addr >= STACK_BASE && addr < HEAP_BASE) {
            int seg = (int) ((addr - STACK_BASE) >>> SEGMENT_BITS);
            if (seg < segmentCount) {
                StackSegment s = segments[seg];
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
