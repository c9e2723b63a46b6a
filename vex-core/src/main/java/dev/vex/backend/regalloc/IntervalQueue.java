package dev.vex.backend.regalloc;

import java.util.Arrays;

/**
 * The walker's unhandled list: a binary min-heap of intervals ordered by start position. The
 * starts are kept beside the intervals so that sifting does not chase pointers.
 */
final class IntervalQueue {
    private Interval[] heap = new Interval[64];
    private int[] starts = new int[64];
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
            starts = Arrays.copyOf(starts, size * 2);
        }
        int k = size++;
        int s = it.start();
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (starts[parent] <= s) {
                break;
            }
            heap[k] = heap[parent];
            starts[k] = starts[parent];
            k = parent;
        }
        heap[k] = it;
        starts[k] = s;
    }

    Interval poll() {
        Interval top = heap[0];
        Interval last = heap[--size];
        int s = starts[size];
        heap[size] = null;
        if (size > 0) {
            int k = 0;
            while (true) {
                int c = 2 * k + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && starts[c + 1] < starts[c]) {
                    c++;
                }
                if (starts[c] >= s) {
                    break;
                }
                heap[k] = heap[c];
                starts[k] = starts[c];
                k = c;
            }
            heap[k] = last;
            starts[k] = s;
        }
        return top;
    }
}
