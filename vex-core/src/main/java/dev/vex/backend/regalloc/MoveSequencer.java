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

    void sequence(MachFunction f, MachineSpec spec, MoveList raw, SpillSlots slots) {
        long[] order = new long[raw.size];
        for (int m = 0; m < raw.size; m++) {
            order[m] = (long) raw.key[m] << 32 | m;
        }
        Arrays.sort(order);
        ParallelMoveResolver resolver = new ParallelMoveResolver();
        int k = 0;
        while (k < order.length) {
            int groupKey = (int) (order[k] >>> 32);
            int end = k;
            while (end < order.length && (int) (order[end] >>> 32) == groupKey) {
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
                int c = cls;
                resolver.resolve(spec.scratch(rc),
                        () -> Location.slot(slots.emergencySlot(c, spec.spillSlotSize(rc))),
                        (a, b) -> append(groupKey, a, b));
            }
            k = end;
        }
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
