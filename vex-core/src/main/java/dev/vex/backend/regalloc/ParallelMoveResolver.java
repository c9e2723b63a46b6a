package dev.vex.backend.regalloc;

import java.util.Arrays;

/**
 * Orders a parallel move (all sources read before any destination is written) of one register
 * class into a sequence of plain moves.
 *
 * <p>A move is emitted once no pending move still reads its destination. When none is, the rest
 * are cycles: the value of one destination is parked in a temporary, its readers read the
 * temporary instead, and the cycle unwinds. The temporary is the class's scratch register, or an
 * extra spill slot if a pending move goes from slot to slot (which itself passes through the
 * scratch register). A move from slot to slot is emitted as two moves through the scratch
 * register. A source may feed several destinations; two moves to one destination must agree.
 */
final class ParallelMoveResolver {
    /** Receives the sequenced moves. */
    interface Sink {
        void move(int from, int to);
    }

    /** Supplies the slot a cycle parks a value in (a location). */
    interface TempSlot {
        int location();
    }

    private int[] src = new int[16];
    private int[] dst = new int[16];
    private int n;

    void clear() {
        n = 0;
    }

    boolean isEmpty() {
        return n == 0;
    }

    void add(int from, int to) {
        if (from == to) {
            return;
        }
        for (int k = 0; k < n; k++) {
            if (dst[k] == to) {
                if (src[k] == from) {
                    return;
                }
                throw new IllegalStateException("two moves write " + to);
            }
        }
        if (n == src.length) {
            src = Arrays.copyOf(src, n * 2);
            dst = Arrays.copyOf(dst, n * 2);
        }
        src[n] = from;
        dst[n] = to;
        n++;
    }

    void resolve(int scratch, TempSlot tempSlot, Sink sink) {
        while (n > 0) {
            boolean progress = false;
            for (int m = 0; m < n;) {
                if (!isSource(dst[m])) {
                    emit(src[m], dst[m], scratch, sink);
                    n--;
                    src[m] = src[n];
                    dst[m] = dst[n];
                    progress = true;
                } else {
                    m++;
                }
            }
            if (!progress) {
                int d = dst[0];
                boolean slotToSlot = false;
                for (int m = 0; m < n; m++) {
                    if (src[m] != d && Location.isSlot(src[m]) && Location.isSlot(dst[m])) {
                        slotToSlot = true;
                    }
                }
                int tmp = slotToSlot ? tempSlot.location() : scratch;
                emit(d, tmp, scratch, sink);
                for (int m = 0; m < n; m++) {
                    if (src[m] == d) {
                        src[m] = tmp;
                    }
                }
            }
        }
    }

    private boolean isSource(int loc) {
        for (int k = 0; k < n; k++) {
            if (src[k] == loc) {
                return true;
            }
        }
        return false;
    }

    private static void emit(int from, int to, int scratch, Sink sink) {
        if (Location.isSlot(from) && Location.isSlot(to)) {
            sink.move(from, scratch);
            sink.move(scratch, to);
        } else {
            sink.move(from, to);
        }
    }
}
