package dev.vex.backend.regalloc;

import dev.vex.backend.MachFunction;
import dev.vex.backend.MachineSpec;
import dev.vex.backend.RegClass;
import java.util.Arrays;

/**
 * Turns the collected moves into the final edit list: sorted by gap and group, each group's
 * parallel move sequenced per register class by {@link ParallelMoveResolver}.
 */
final class MoveSequencer {
    int size;
    int[] key = new int[64];
    int[] from = new int[64];
    int[] to = new int[64];
    int[] instStart;

    private long[] order = new long[64];
    private final ParallelMoveResolver resolver = new ParallelMoveResolver();
    // The group being resolved, for the two callbacks below (made once, not per group).
    private int currentKey;
    private int currentClass;
    private SpillSlots currentSlots;
    private MachineSpec currentSpec;
    private final ParallelMoveResolver.Sink sink = (a, b) -> append(currentKey, a, b);
    private final ParallelMoveResolver.TempSlot tempSlot = () -> Location.slot(
            currentSlots.emergencySlot(currentClass, currentSpec.spillSlotSize(RegClass.of(currentClass))));

    /** Replaces the previous edit list (and {@link #instStart}, made new) with that of {@code raw}. */
    void sequence(MachFunction f, MachineSpec spec, MoveList raw, SpillSlots slots) {
        size = 0;
        int count = raw.size;
        if (order.length < count) {
            order = new long[Math.max(count, 2 * order.length)];
        }
        for (int m = 0; m < count; m++) {
            order[m] = (long) raw.key[m] << 32 | m;
        }
        Arrays.sort(order, 0, count);
        int k = 0;
        while (k < count) {
            int groupKey = (int) (order[k] >>> 32);
            int end = k;
            while (end < count && (int) (order[end] >>> 32) == groupKey) {
                end++;
            }
            for (int cls = 0; cls < 2; cls++) {
                resolver.clear();
                for (int j = k; j < end; j++) {
                    int m = (int) order[j];
                    if (raw.regClass[m] == cls) {
                        resolver.add(raw.from[m], raw.to[m]);
                    }
                }
                if (resolver.isEmpty()) {
                    continue;
                }
                RegClass rc = RegClass.of(cls);
                currentKey = groupKey;
                currentClass = cls;
                currentSlots = slots;
                currentSpec = spec;
                resolver.resolve(spec.scratch(rc), tempSlot, sink);
            }
            k = end;
        }
        currentSlots = null;
        instStart = new int[f.numInsts() + 1];
        int e = 0;
        for (int i = 0; i <= f.numInsts(); i++) {
            while (e < size && key[e] < 4 * i) {
                e++;
            }
            instStart[i] = e;
        }
    }

    private void append(int k, int a, int b) {
        if (size == key.length) {
            key = Arrays.copyOf(key, size * 2);
            from = Arrays.copyOf(from, size * 2);
            to = Arrays.copyOf(to, size * 2);
        }
        key[size] = k;
        from[size] = a;
        to[size] = b;
        size++;
    }
}
