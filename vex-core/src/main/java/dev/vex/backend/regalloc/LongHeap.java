package dev.vex.backend.regalloc;

import java.util.Arrays;

/** A binary min-heap of {@code long}s, so that keyed entries need no boxing. */
final class LongHeap {
    private long[] heap = new long[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    long peek() {
        return heap[0];
    }

    void add(long x) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (heap[parent] <= x) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = x;
    }

    long poll() {
        long top = heap[0];
        long last = heap[--size];
        int k = 0;
        while (true) {
            int c = 2 * k + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && heap[c + 1] < heap[c]) {
                c++;
            }
            if (heap[c] >= last) {
                break;
            }
            heap[k] = heap[c];
            k = c;
        }
        if (size > 0) {
            heap[k] = last;
        }
        return top;
    }
}
