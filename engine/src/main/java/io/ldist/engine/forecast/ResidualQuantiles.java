package io.ldist.engine.forecast;

/**
 * The last {@code window} absolute forecast errors of each series at each horizon, in primitive rings, and their
 * split-conformal quantile: at confidence c the half-width is the ceil((n + 1) c)-th smallest of the n errors,
 * which covers a new error with probability at least c when errors are exchangeable; with too few errors for
 * that order statistic it is infinite (the interval is the whole range).
 */
final class ResidualQuantiles {
    private final int horizons;
    private final int window;
    private final double[] errors;
    private final int[] counts;
    private final int[] next;
    private final double[] scratch;

    ResidualQuantiles(int seriesCount, int horizons, int window) {
        this.horizons = horizons;
        this.window = window;
        this.errors = new double[Math.multiplyExact(Math.multiplyExact(seriesCount, horizons), window)];
        this.counts = new int[seriesCount * horizons];
        this.next = new int[seriesCount * horizons];
        this.scratch = new double[window];
    }

    void add(int series, int horizon, double absoluteError) {
        int key = series * horizons + horizon - 1;
        errors[key * window + next[key]] = absoluteError;
        next[key] = (next[key] + 1) % window;
        if (counts[key] < window) {
            counts[key]++;
        }
    }

    int count(int series, int horizon) {
        return counts[series * horizons + horizon - 1];
    }

    double halfWidth(int series, int horizon, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        if (horizon > horizons) {
            return Double.POSITIVE_INFINITY;
        }
        int key = series * horizons + horizon - 1;
        int n = counts[key];
        int rank = (int) Math.ceil((n + 1) * confidence - 1e-9);
        if (n == 0 || rank > n) {
            return Double.POSITIVE_INFINITY;
        }
        System.arraycopy(errors, key * window, scratch, 0, n);
        return select(scratch, n, rank - 1);
    }

    /** The k-th smallest (0-based) of the first n values, reordering them (Hoare's quickselect). */
    static double select(double[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }
}
