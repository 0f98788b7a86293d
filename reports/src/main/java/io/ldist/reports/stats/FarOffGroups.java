package io.ldist.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Which groups of points (a policy's runs) lie so far from the rest that, drawn together, they squeeze the
 * rest into a corner: the fewest groups, fewer than half of them and at most {@value #MOST_LEFT_OUT}, without
 * which the others fill less than a third of the range on an axis. (DVFS against consolidating policies: four
 * times the energy, so the rest share a fifth of the energy axis.)
 */
public final class FarOffGroups {
    static final int MOST_LEFT_OUT = 3;
    private static final double SQUEEZED = 1 / 3.0;

    private FarOffGroups() {
    }

    /**
     * @param groups each group's points as {x values, y values}
     * @return the indices of the groups to leave out of a closer view, ascending; empty when nothing squeezes
     */
    public static List<Integer> of(List<double[][]> groups) {
        int n = groups.size();
        if (n >= Long.SIZE - 1) {
            return List.of(); // sets of groups are bits of a long
        }
        Box all = Box.of(groups, mask(n));
        long empty = empty(groups);
        List<Integer> best = List.of();
        double bestArea = Double.POSITIVE_INFINITY;
        for (int size = 1; size <= Math.min(MOST_LEFT_OUT, (n - 1) / 2) && best.isEmpty(); size++) {
            for (long out : subsets(n, size)) {
                if ((out & empty) != 0) {
                    continue;
                }
                Box rest = Box.of(groups, mask(n) & ~out);
                if (rest.points() < 2) {
                    continue; // a closer view of one point, or of none, shows nothing
                }
                double fx = all.width() == 0 ? 1 : rest.width() / all.width();
                double fy = all.height() == 0 ? 1 : rest.height() / all.height();
                if (Math.min(fx, fy) < SQUEEZED && fx * fy < bestArea) {
                    bestArea = fx * fy;
                    best = indices(out);
                }
            }
        }
        return best;
    }

    /** Every set of {@code size} of the first {@code n} indices, as bits, in ascending order. */
    private static List<Long> subsets(int n, int size) {
        List<Long> subsets = new ArrayList<>();
        addSubsets(subsets, 0, 0L, n, size);
        return subsets;
    }

    private static void addSubsets(List<Long> subsets, int from, long chosen, int n, int left) {
        if (left == 0) {
            subsets.add(chosen);
            return;
        }
        for (int i = from; i <= n - left; i++) {
            addSubsets(subsets, i + 1, chosen | 1L << i, n, left - 1);
        }
    }

    /** Groups without points: never the ones left out. */
    private static long empty(List<double[][]> groups) {
        long empty = 0;
        for (int g = 0; g < groups.size(); g++) {
            empty |= groups.get(g)[0].length == 0 ? 1L << g : 0;
        }
        return empty;
    }

    private static long mask(int n) {
        return (1L << n) - 1;
    }

    private static List<Integer> indices(long bits) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < Long.SIZE; i++) {
            if ((bits & 1L << i) != 0) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** The bounding box of the chosen groups' points (width and height 0 when they have none or one). */
    private record Box(double minX, double maxX, double minY, double maxY, int points) {
        static Box of(List<double[][]> groups, long chosen) {
            int points = 0;
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < groups.size(); g++) {
                if ((chosen & 1L << g) == 0) {
                    continue;
                }
                points += groups.get(g)[0].length;
                for (double x : groups.get(g)[0]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                }
                for (double y : groups.get(g)[1]) {
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            return new Box(minX, maxX, minY, maxY, points);
        }

        double width() {
            return maxX > minX ? maxX - minX : 0;
        }

        double height() {
            return maxY > minY ? maxY - minY : 0;
        }
    }
}
