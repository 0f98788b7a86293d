package io.ldist.engine.util;

import java.util.function.IntToDoubleFunction;

/**
 * Positions {@code 0..n-1} ordered by a key ({@link Double#compare}), equal keys in increasing position: the
 * stable sort the planning steps use to order servers and VMs, without boxing each position (which, over
 * thousands of servers per decision, costs more than the comparisons).
 */
public final class StableOrder {
    /** Runs this short are sorted by insertion. */
    private static final int SHORT_RUN = 12;

    private StableOrder() {
    }

    /** The positions by increasing {@code key}; each key is read once. */
    public static int[] byKey(int n, IntToDoubleFunction key) {
        double[] keys = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key.applyAsDouble(i);
            order[i] = i;
        }
        if (n > 1) {
            sort(order, new int[n], 0, n, keys);
        }
        return order;
    }

    /** Merge sort of {@code order[from, to)}, taking the left run first on equal keys. */
    private static void sort(int[] order, int[] scratch, int from, int to, double[] keys) {
        if (to - from <= SHORT_RUN) {
            for (int i = from + 1; i < to; i++) {
                int item = order[i];
                int j = i - 1;
                while (j >= from && Double.compare(keys[order[j]], keys[item]) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = item;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(order, scratch, from, middle, keys);
        sort(order, scratch, middle, to, keys);
        if (Double.compare(keys[order[middle - 1]], keys[order[middle]]) <= 0) {
            return; // already in order
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < middle && Double.compare(keys[scratch[left]], keys[scratch[right]]) <= 0)) {
                order[out] = scratch[left++];
            } else {
                order[out] = scratch[right++];
            }
        }
    }
}
