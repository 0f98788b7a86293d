package io.ldist.engine.forecast;

/** The mean of the last {@code window} samples (of all of them while fewer are known), at every horizon. */
public final class MovingAverageForecaster extends AbstractForecaster {
    private final int window;

    public MovingAverageForecaster(ForecastSetup setup, int window) {
        super(setup, window);
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        this.window = window;
    }

    @Override
    protected void learn(int series, double value, long index) {
        // The mean is summed afresh from the ring: no running sum to drift.
    }

    @Override
    protected double predict(int series, int horizon) {
        int n = Math.min(window, available(series));
        double sum = 0;
        for (int age = 0; age < n; age++) {
            sum += recent(series, age);
        }
        return sum / n;
    }

    @Override
    protected boolean horizonFree() {
        return true;
    }
}
