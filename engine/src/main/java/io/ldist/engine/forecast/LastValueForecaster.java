package io.ldist.engine.forecast;

/** Persistence: the latest sample, at every horizon. The baseline every other method must beat. */
public final class LastValueForecaster extends AbstractForecaster {
    public LastValueForecaster(ForecastSetup setup) {
        super(setup, 1);
    }

    @Override
    protected void learn(int series, double value, long index) {
        // The history ring holds the latest sample.
    }

    @Override
    protected double predict(int series, int horizon) {
        return recent(series, 0);
    }

    @Override
    protected boolean horizonFree() {
        return true;
    }
}
