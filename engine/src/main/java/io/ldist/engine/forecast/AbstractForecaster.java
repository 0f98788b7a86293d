package io.ldist.engine.forecast;

/**
 * What the forecasters share: a ring of each series' recent samples, the point forecasts made at each of the
 * last {@link ForecastSetup#maxHorizon()} origins for every horizon up to it, and the residuals they turned out
 * to have (the intervals). Subclasses keep their own state in {@link #learn} and forecast in {@link #predict}.
 */
abstract class AbstractForecaster implements Forecaster {
    protected final ForecastSetup setup;
    private final int horizons;
    private final int capacity;
    private final double[] history;
    private final long[] samples;
    /** [series][origin mod horizons][horizon - 1]: the forecasts made at the last origins. */
    private final double[] made;
    private final ResidualQuantiles residuals;

    /** @param historyLength samples per series the subclass reads back through {@link #recent} */
    AbstractForecaster(ForecastSetup setup, int historyLength) {
        this.setup = setup;
        this.horizons = setup.maxHorizon();
        this.capacity = Math.max(1, historyLength);
        this.history = new double[Math.multiplyExact(setup.seriesCount(), capacity)];
        this.samples = new long[setup.seriesCount()];
        this.made = new double[Math.multiplyExact(Math.multiplyExact(setup.seriesCount(), horizons), horizons)];
        this.residuals = new ResidualQuantiles(setup.seriesCount(), horizons, setup.residualWindow());
    }

    @Override
    public final int seriesCount() {
        return setup.seriesCount();
    }

    @Override
    public final int maxHorizon() {
        return horizons;
    }

    @Override
    public final long samples(int series) {
        return samples[series];
    }

    @Override
    public final void update(int series, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("series " + series + ": sample must be finite, was " + value);
        }
        long t = samples[series];
        for (int h = 1; h <= horizons && h <= t; h++) {
            residuals.add(series, h, Math.abs(value - made(series, t - h, h)));
        }
        history[series * capacity + (int) (t % capacity)] = value;
        samples[series] = t + 1;
        learn(series, value, t);
        int base = (series * horizons + (int) (t % horizons)) * horizons;
        if (horizonFree()) {
            double point = clamp(predict(series, 1));
            for (int h = 0; h < horizons; h++) {
                made[base + h] = point;
            }
        } else {
            for (int h = 1; h <= horizons; h++) {
                made[base + h - 1] = clamp(predict(series, h));
            }
        }
    }

    /** The clamped point forecast made at origin {@code origin} (0-based sample index) for {@code horizon}. */
    final double made(int series, long origin, int horizon) {
        return made[(series * horizons + (int) (origin % horizons)) * horizons + horizon - 1];
    }

    /** The sample {@code age} samples before the latest (0 = the latest) of the {@link #samples} so far. */
    protected final double recent(int series, int age) {
        long index = samples[series] - 1 - age;
        if (age < 0 || age >= capacity || index < 0) {
            throw new IndexOutOfBoundsException("series " + series + ": no sample " + age + " back");
        }
        return history[series * capacity + (int) (index % capacity)];
    }

    /** Samples of the series that {@link #recent} can still read. */
    protected final int available(int series) {
        return (int) Math.min(samples[series], capacity);
    }

    /** Takes the sample {@code value}, the series' sample number {@code index} (0-based), into the model. */
    protected abstract void learn(int series, double value, long index);

    /** The point forecast {@code horizon} samples past the latest, before clamping. */
    protected abstract double predict(int series, int horizon);

    /** True when the forecast is the same at every horizon (a flat forecast), to compute it once per update. */
    protected boolean horizonFree() {
        return false;
    }

    @Override
    public final double point(int series, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
        }
        long t = samples[series];
        if (t == 0) {
            return Double.NaN;
        }
        return horizon <= horizons ? made(series, t - 1, horizon) : clamp(predict(series, horizon));
    }

    @Override
    public final double halfWidth(int series, int horizon, double confidence) {
        return residuals.halfWidth(series, horizon, confidence);
    }

    @Override
    public final Forecast forecast(int series, int horizon, double confidence) {
        double point = point(series, horizon);
        if (Double.isNaN(point)) {
            throw new IllegalStateException("series " + series + " has no sample yet");
        }
        double half = halfWidth(series, horizon, confidence);
        return new Forecast(point, Math.max(setup.min(), point - half), Math.min(setup.max(), point + half));
    }

    final double clamp(double value) {
        return Math.max(setup.min(), Math.min(setup.max(), value));
    }
}
