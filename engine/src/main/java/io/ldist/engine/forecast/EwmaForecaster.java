package io.ldist.engine.forecast;

/**
 * Simple exponential smoothing: level += alpha (sample - level), started at the first sample; the level is the
 * forecast at every horizon.
 */
public final class EwmaForecaster extends AbstractForecaster {
    private final double alpha;
    private final double[] level;

    public EwmaForecaster(ForecastSetup setup, double alpha) {
        super(setup, 1);
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.level = new double[setup.seriesCount()];
    }

    @Override
    protected void learn(int series, double value, long index) {
        level[series] = index == 0 ? value : level[series] + alpha * (value - level[series]);
    }

    @Override
    protected double predict(int series, int horizon) {
        return level[series];
    }

    @Override
    protected boolean horizonFree() {
        return true;
    }
}
