package io.ldist.engine.forecast;

/**
 * Holt's linear exponential smoothing with a damped trend, and, once a full day of samples is known (when
 * {@link ForecastSetup#samplesPerDay()} is set and the season is on), the additive Holt-Winters daily season:
 * <pre>
 *   level'  = level + phi trend + alpha (x - season - level - phi trend)
 *   trend'  = phi trend + beta (level' - level - phi trend)
 *   season' = season + gamma (x - level' - season)
 *   forecast(h) = level + (phi + ... + phi^h) trend + season at the forecast's time of day
 * </pre>
 * The season starts as the first day's samples less their mean; during the first day the model is Holt's alone.
 */
public final class HoltWintersForecaster extends AbstractForecaster {
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final int period;
    private final double[] level;
    private final double[] trend;
    /** [series][time of day]; during the first day, the raw samples. */
    private final double[] season;

    public HoltWintersForecaster(ForecastSetup setup, double alpha, double beta, double gamma, double phi,
                                 boolean seasonal) {
        super(setup, 1);
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1) || !(gamma >= 0 && gamma <= 1)
                || !(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException("expected alpha in (0, 1], beta and gamma in [0, 1], phi in (0, 1]; "
                    + "found " + alpha + ", " + beta + ", " + gamma + ", " + phi);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.period = seasonal ? setup.samplesPerDay() : 0;
        this.level = new double[setup.seriesCount()];
        this.trend = new double[setup.seriesCount()];
        this.season = new double[Math.multiplyExact(setup.seriesCount(), period)];
    }

    /** Whether the season is in use once {@code count} samples are known: a full day of them. */
    private boolean seasonKnown(long count) {
        return period > 0 && count >= period;
    }

    @Override
    protected void learn(int series, double value, long index) {
        if (index == 0) {
            level[series] = value;
            trend[series] = 0;
        }
        int slot = period == 0 ? 0 : series * period + (int) (index % period);
        if (period > 0 && index < period) {
            season[slot] = value;
            if (index == period - 1) {
                startSeason(series);
            }
        }
        if (index == 0) {
            return;
        }
        double seasonal = seasonKnown(index) ? season[slot] : 0;
        double damped = phi * trend[series];
        double previous = level[series];
        double next = previous + damped + alpha * (value - seasonal - previous - damped);
        level[series] = next;
        trend[series] = damped + beta * (next - previous - damped);
        if (seasonKnown(index)) {
            season[slot] += gamma * (value - next - season[slot]);
        }
    }

    /** The first day's samples become the season: each less the day's mean. */
    private void startSeason(int series) {
        double mean = 0;
        for (int j = 0; j < period; j++) {
            mean += season[series * period + j];
        }
        mean /= period;
        for (int j = 0; j < period; j++) {
            season[series * period + j] -= mean;
        }
    }

    @Override
    protected double predict(int series, int horizon) {
        double factor = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            power *= phi;
            factor += power;
        }
        long latest = samples(series) - 1;
        double seasonal = seasonKnown(latest + 1) ? season[series * period + (int) ((latest + horizon) % period)] : 0;
        return level[series] + factor * trend[series] + seasonal;
    }
}
