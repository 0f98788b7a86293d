package io.ldist.engine.anomaly;

import java.util.SplittableRandom;

/**
 * An isolation forest (Liu, Ting and Zhou, 2008) over points of {@code width} coordinates: each tree splits a
 * random subsample at random coordinates and values until every point stands alone or the height limit
 * ceil(log2 sampleSize) is reached. Anomalies are few and different, so they are isolated near the root: the score
 * 2^(-E[h(x)] / c(n)) is near 1 for them, about 0.5 or below for ordinary points. Trees live in flat arrays.
 */
final class IsolationForest {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private final int trees;
    private final int width;
    private final int maxNodes;
    private final int[] coordinate;
    private final double[] split;
    /** Left child; the right one is left + 1. -1 for a leaf. */
    private final int[] left;
    /** Points that reached the node, for a leaf's c(size) correction. */
    private final int[] size;
    private final int[] nodeCount;
    private int[] rows = new int[0];
    private int sampleSize;

    IsolationForest(int trees, int maxSampleSize, int width) {
        this.trees = trees;
        this.width = width;
        this.maxNodes = 2 * maxSampleSize - 1;
        int all = Math.multiplyExact(trees, maxNodes);
        this.coordinate = new int[all];
        this.split = new double[all];
        this.left = new int[all];
        this.size = new int[all];
        this.nodeCount = new int[trees];
    }

    /**
     * Grows every tree anew on a subsample of {@code count} points, point i at {@code points[i * width ...]}.
     *
     * @param wanted the subsample size, at most the {@code maxSampleSize} the forest was made for
     */
    void train(double[] points, int count, int wanted, SplittableRandom random) {
        sampleSize = Math.min(wanted, count);
        if (rows.length < count) {
            rows = new int[count];
        }
        int limit = (int) Math.ceil(Math.log(Math.max(2, sampleSize)) / Math.log(2));
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < count; i++) {
                rows[i] = i;
            }
            // A partial Fisher-Yates shuffle: the first sampleSize rows are a subsample without replacement.
            for (int i = 0; i < sampleSize; i++) {
                int j = i + random.nextInt(count - i);
                int swap = rows[i];
                rows[i] = rows[j];
                rows[j] = swap;
            }
            nodeCount[t] = 1;
            grow(t, points, 0, 0, sampleSize, 0, limit, random);
        }
    }

    boolean trained() {
        return sampleSize > 0;
    }

    /** The anomaly score of a point of {@code width} coordinates starting at {@code point[offset]}, in (0, 1]. */
    double score(double[] point, int offset) {
        double total = 0;
        for (int t = 0; t < trees; t++) {
            int base = t * maxNodes;
            int node = 0;
            int depth = 0;
            while (left[base + node] >= 0) {
                node = point[offset + coordinate[base + node]] < split[base + node] ? left[base + node]
                        : left[base + node] + 1;
                depth++;
            }
            total += depth + averagePath(size[base + node]);
        }
        double normaliser = averagePath(sampleSize);
        return normaliser == 0 ? 0.5 : Math.pow(2, -(total / trees) / normaliser);
    }

    /**
     * c(n): the average path length of an unsuccessful search in a binary search tree of n points, the expected
     * depth a leaf of n unsplit points stands for.
     */
    static double averagePath(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + EULER_GAMMA) - 2.0 * (n - 1) / n;
    }

    /** Grows the subtree of rows[from, to) of tree t at node {@code node}, which the caller has allocated. */
    private void grow(int t, double[] points, int node, int from, int to, int depth, int limit,
                      SplittableRandom random) {
        int base = t * maxNodes;
        size[base + node] = to - from;
        left[base + node] = -1;
        if (depth >= limit || to - from <= 1) {
            return;
        }
        // Pick uniformly among the coordinates that still vary here; none left means the points are all equal.
        int chosen = -1;
        double low = 0;
        double high = 0;
        int varying = 0;
        for (int c = 0; c < width; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = points[rows[i] * width + c];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min < max && random.nextInt(++varying) == 0) { // reservoir sampling of one coordinate
                chosen = c;
                low = min;
                high = max;
            }
        }
        if (chosen < 0) {
            return;
        }
        double value = low + random.nextDouble() * (high - low);
        if (value <= low) {
            value = Math.nextUp(low); // keeps both sides non-empty: low goes left, high goes right
        }
        int middle = from;
        for (int i = from; i < to; i++) {
            if (points[rows[i] * width + chosen] < value) {
                int swap = rows[i];
                rows[i] = rows[middle];
                rows[middle] = swap;
                middle++;
            }
        }
        coordinate[base + node] = chosen;
        split[base + node] = value;
        // Children come in pairs, so the right one is always left + 1; at most 2 sampleSize - 1 nodes in all.
        int leftChild = nodeCount[t];
        nodeCount[t] += 2;
        left[base + node] = leftChild;
        grow(t, points, leftChild, from, middle, depth + 1, limit, random);
        grow(t, points, leftChild + 1, middle, to, depth + 1, limit, random);
    }
}
