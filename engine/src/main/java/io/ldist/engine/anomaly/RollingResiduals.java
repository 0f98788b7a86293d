package io.ldist.engine.anomaly;

import java.util.Arrays;

/**
 * The last {@code window} one-step forecast residuals of each dimension, in primitive rings, and the robust
 * z-score of a new residual against them: 0.6745 |r - median| / MAD (Iglewicz and Hoaglin's modified z-score,
 * which is about |r - mean| / sd for normal residuals but is not dragged by the outliers it is looking for).
 */
final class RollingResiduals {
    /** The MAD of a normal distribution is 0.6745 of its standard deviation. */
    private static final double NORMAL_MAD = 0.6745;

    private final int window;
    private final double floor;
    private final double[] residuals;
    private final int[] counts;
    private final int[] next;
    private final double[] scratch;
    private double lastMedian;
    private double lastMad;

    /** @param floor the smallest MAD used, so that a flat history does not make the slightest change infinite */
    RollingResiduals(int dimensions, int window, double floor) {
        this.window = window;
        this.floor = floor;
        this.residuals = new double[Math.multiplyExact(dimensions, window)];
        this.counts = new int[dimensions];
        this.next = new int[dimensions];
        this.scratch = new double[window];
    }

    int count(int dimension) {
        return counts[dimension];
    }

    void add(int dimension, double residual) {
        residuals[dimension * window + next[dimension]] = residual;
        next[dimension] = (next[dimension] + 1) % window;
        counts[dimension] = Math.min(window, counts[dimension] + 1);
    }

    /** The modified z-score of {@code residual} against the residuals so far; 0 when both it and the MAD are 0. */
    double robustZ(int dimension, double residual) {
        int n = counts[dimension];
        System.arraycopy(residuals, dimension * window, scratch, 0, n);
        double median = median(scratch, n);
        for (int i = 0; i < n; i++) {
            scratch[i] = Math.abs(scratch[i] - median);
        }
        double mad = Math.max(floor, median(scratch, n));
        lastMedian = median;
        lastMad = mad;
        double deviation = Math.abs(residual - median);
        return deviation == 0 ? 0 : NORMAL_MAD * deviation / mad;
    }

    /** {@code residual} moved to the nearest one whose score, against the last {@link #robustZ}, is threshold. */
    double clip(double residual, double threshold) {
        double reach = threshold * lastMad / NORMAL_MAD;
        return Math.max(lastMedian - reach, Math.min(lastMedian + reach, residual));
    }

    /** The median of the first n values, reordering them. */
    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
