package dev.vex.backend.regalloc;

import java.util.Arrays;

/** The walker's unhandled list: a binary min-heap of intervals ordered by start position. */
final class IntervalQueue {
    private Interval[] heap = new Interval[64];
    private int size;

    void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Interval it) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int k = size++;
        int s = it.start();
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (heap[parent].start() <= s) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = it;
    }

    Interval poll() {
        Interval top = heap[0];
        Interval last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int k = 0;
            int s = last.start();
            while (true) {
                int c = 2 * k + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && heap[c + 1].start() < heap[c].start()) {
                    c++;
                }
                if (heap[c].start() >= s) {
                    break;
                }
                heap[k] = heap[c];
                k = c;
            }
            heap[k] = last;
        }
        return top;
    }
}
