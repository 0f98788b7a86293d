package io.ldist.engine.anomaly;

import io.ldist.engine.forecast.ForecastSetup;
import io.ldist.engine.forecast.Forecaster;
import io.ldist.engine.forecast.ForecasterFactory;

/**
 * A sample is anomalous when its one-step forecast residual, in any dimension, has a robust z-score (median and
 * MAD of the last {@code window} residuals) above {@code threshold}. An anomalous value reaches the forecaster
 * clipped to the threshold's reach, so that a spike does not drag the next forecasts (and flag the samples after
 * it too); the residual window keeps the real residual, so a lasting change (a level shift) stops being anomalous
 * once it fills half the window.
 * The score is the largest robust z-score over the dimensions.
 */
public final class RobustZDetector implements AnomalyDetector {
    public static final double DEFAULT_THRESHOLD = 3.5;
    /** Residuals needed before any sample is judged: fewer give a median and MAD too rough to trust. */
    static final int MIN_RESIDUALS = 12;

    private final SampleOrder order;
    private final Forecaster forecaster;
    private final RollingResiduals residuals;
    private final double threshold;
    private final int minResiduals;
    private final double[] fed;

    public RobustZDetector(AnomalySetup setup, ForecasterFactory forecasts, double threshold, int window,
                           double floor) {
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be > 0, was " + threshold);
        }
        if (window < 3) {
            throw new IllegalArgumentException("window must be >= 3 residuals, was " + window);
        }
        if (!(floor >= 0)) {
            throw new IllegalArgumentException("floor must be >= 0, was " + floor);
        }
        this.order = new SampleOrder(setup.dimensions());
        this.forecaster = forecasts.create(new ForecastSetup(setup.dimensions(), 1, setup.min(), setup.max(),
                ForecastSetup.DEFAULT_RESIDUAL_WINDOW, setup.samplesPerDay()));
        this.residuals = new RollingResiduals(setup.dimensions(), window, floor);
        this.threshold = threshold;
        this.minResiduals = Math.min(window, MIN_RESIDUALS);
        this.fed = new double[setup.dimensions()];
    }

    @Override
    public int dimensions() {
        return forecaster.seriesCount();
    }

    @Override
    public Verdict update(long index, double[] values) {
        order.check(index, values);
        double score = 0;
        boolean judged = false;
        for (int d = 0; d < values.length; d++) {
            fed[d] = values[d];
            if (forecaster.samples(d) == 0) {
                continue;
            }
            double point = forecaster.point(d, 1);
            double residual = values[d] - point;
            if (residuals.count(d) >= minResiduals) {
                double z = residuals.robustZ(d, residual);
                if (z > threshold) {
                    fed[d] = point + residuals.clip(residual, threshold);
                }
                score = Math.max(score, z);
                judged = true;
            }
            residuals.add(d, residual);
        }
        forecaster.updateAll(fed);
        return judged ? new Verdict(score > threshold, score) : Verdict.NORMAL;
    }
}
