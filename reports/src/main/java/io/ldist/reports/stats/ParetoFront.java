package io.ldist.reports.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The points no other point beats on both coordinates (both to be minimised): none other is at most as large
 * on both and smaller on one. Equal points are all on the front. Sorting by x then y, a point is on the front
 * exactly when its y is below every y seen before it (or equals the last front point).
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Indices of the points on the front, by increasing x. */
    public static int[] indices(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        List<Integer> front = new ArrayList<>();
        double lowestY = Double.POSITIVE_INFINITY;
        int last = -1;
        for (int i : order) {
            boolean sameAsLast = last >= 0 && x[i] == x[last] && y[i] == y[last];
            if (y[i] < lowestY || sameAsLast) {
                front.add(i);
                lowestY = Math.min(lowestY, y[i]);
                last = i;
            }
        }
        return front.stream().mapToInt(Integer::intValue).toArray();
    }
}
