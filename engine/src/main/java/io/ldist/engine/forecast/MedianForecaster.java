package io.ldist.engine.forecast;

/**
 * A rolling weighted quantile: of the last {@code window} samples, each weighted {@code decay^age}, the value
 * where the cumulative weight first reaches {@code quantile} of the total. With quantile 0.5 this is the weighted
 * median, which minimises the expected absolute error (the mean minimises the squared one), and shrugs off the
 * spikes that pull a moving average up. The window is kept sorted per series, so an update is O(window).
 */
public final class MedianForecaster extends AbstractForecaster {
    private final int window;
    private final double quantile;
    private final double[] weightOfAge;
    private final double[] sortedValue;
    private final long[] sortedIndex;
    private final int[] size;

    public MedianForecaster(ForecastSetup setup, int window, double quantile, double decay) {
        super(setup, 1);
        if (window < 1 || !(quantile > 0 && quantile < 1) || !(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("expected window >= 1, quantile in (0, 1), decay in (0, 1]; found "
                    + window + ", " + quantile + ", " + decay);
        }
        this.window = window;
        this.quantile = quantile;
        this.weightOfAge = new double[window];
        for (int age = 0; age < window; age++) {
            weightOfAge[age] = Math.pow(decay, age);
        }
        this.sortedValue = new double[Math.multiplyExact(setup.seriesCount(), window)];
        this.sortedIndex = new long[sortedValue.length];
        this.size = new int[setup.seriesCount()];
    }

    @Override
    protected void learn(int series, double value, long index) {
        int base = series * window;
        int n = size[series];
        if (n == window) { // the oldest sample leaves
            int oldest = 0;
            while (sortedIndex[base + oldest] != index - window) {
                oldest++;
            }
            System.arraycopy(sortedValue, base + oldest + 1, sortedValue, base + oldest, n - oldest - 1);
            System.arraycopy(sortedIndex, base + oldest + 1, sortedIndex, base + oldest, n - oldest - 1);
            n--;
        }
        int at = n;
        while (at > 0 && sortedValue[base + at - 1] > value) {
            sortedValue[base + at] = sortedValue[base + at - 1];
            sortedIndex[base + at] = sortedIndex[base + at - 1];
            at--;
        }
        sortedValue[base + at] = value;
        sortedIndex[base + at] = index;
        size[series] = n + 1;
    }

    @Override
    protected double predict(int series, int horizon) {
        int base = series * window;
        int n = size[series];
        long latest = samples(series) - 1;
        double total = 0;
        for (int age = 0; age < n; age++) {
            total += weightOfAge[age];
        }
        double wanted = quantile * total;
        double cumulative = 0;
        for (int j = 0; j < n; j++) {
            cumulative += weightOfAge[(int) (latest - sortedIndex[base + j])];
            if (cumulative >= wanted - 1e-12 * total) {
                return sortedValue[base + j];
            }
        }
        return sortedValue[base + n - 1];
    }

    @Override
    protected boolean horizonFree() {
        return true;
    }
}
