package dev.vex.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * For each value number, the index of the token where the function first uses it, so that an
 * error found only once the whole function is built (a use never defined) can be placed there.
 * Small numbers, the usual ones, go in an array; the rare huge ones in a map.
 */
final class FirstUses {
    private static final int DENSE_LIMIT = 1 << 16;

    private int[] dense = new int[0];
    private Map<Integer, Integer> sparse;

    /** Records {@code token} as the use of {@code number} unless an earlier one is known. */
    void record(int number, int token) {
        if (number >= 0 && number < DENSE_LIMIT) {
            if (number >= dense.length) {
                int old = dense.length;
                dense = Arrays.copyOf(dense, Math.max(number + 1, Math.max(16, 2 * old)));
                Arrays.fill(dense, old, dense.length, -1);
            }
            if (dense[number] < 0) {
                dense[number] = token;
            }
            return;
        }
        if (sparse == null) {
            sparse = new HashMap<>();
        }
        sparse.putIfAbsent(number, token);
    }

    /** The token of the first use of {@code number}, or -1. */
    int tokenOf(int number) {
        if (number >= 0 && number < DENSE_LIMIT) {
            return number < dense.length ? dense[number] : -1;
        }
        Integer t = sparse == null ? null : sparse.get(number);
        return t == null ? -1 : t;
    }
}
