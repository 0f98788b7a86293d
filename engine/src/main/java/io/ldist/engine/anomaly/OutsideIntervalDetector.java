package io.ldist.engine.anomaly;

import io.ldist.engine.forecast.Forecast;
import io.ldist.engine.forecast.ForecastSetup;
import io.ldist.engine.forecast.Forecaster;
import io.ldist.engine.forecast.ForecasterFactory;

/**
 * A sample is anomalous when it and the {@code k - 1} before it all fell outside the forecaster's one-step
 * prediction interval at {@code confidence} (in at least one dimension each). One sample outside a 99 % interval
 * happens once in a hundred by design; k in a row rarely does unless something changed. A value outside reaches
 * the forecaster clipped to the interval's nearer bound: at 0.99 over about a hundred residuals the interval's
 * half-width is the largest residual seen, so one unclipped anomaly would widen every interval after it (and hide
 * the next anomaly) for as long as it stays in the window. The score is the length of the current run outside.
 */
public final class OutsideIntervalDetector implements AnomalyDetector {
    public static final int DEFAULT_RUN = 3;
    public static final double DEFAULT_CONFIDENCE = 0.99;

    private final SampleOrder order;
    private final Forecaster forecaster;
    private final int k;
    private final double confidence;
    private final double[] fed;
    private int run;

    /** @param residualWindow the residuals the intervals are drawn from: enough for the confidence's quantile */
    public OutsideIntervalDetector(AnomalySetup setup, ForecasterFactory forecasts, int k, double confidence,
                                   int residualWindow) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1 samples, was " + k);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        // The split-conformal interval needs the ceil((n + 1) c)-th smallest of n residuals to exist.
        int needed = (int) Math.ceil(confidence / (1 - confidence) - 1e-9);
        if (residualWindow < needed) {
            throw new IllegalArgumentException("residuals must be >= " + needed + " for a " + confidence
                    + " interval (with fewer the interval is always the whole range), was " + residualWindow);
        }
        this.order = new SampleOrder(setup.dimensions());
        this.forecaster = forecasts.create(new ForecastSetup(setup.dimensions(), 1, setup.min(), setup.max(),
                residualWindow, setup.samplesPerDay()));
        this.k = k;
        this.confidence = confidence;
        this.fed = new double[setup.dimensions()];
    }

    @Override
    public int dimensions() {
        return forecaster.seriesCount();
    }

    @Override
    public Verdict update(long index, double[] values) {
        order.check(index, values);
        boolean outside = false;
        for (int d = 0; d < values.length; d++) {
            fed[d] = values[d];
            // Until enough residuals are known the interval is the whole range, which covers everything.
            if (forecaster.samples(d) > 0) {
                Forecast interval = forecaster.forecast(d, 1, confidence);
                if (!interval.covers(values[d])) {
                    outside = true;
                    fed[d] = Math.max(interval.lower(), Math.min(interval.upper(), values[d]));
                }
            }
        }
        forecaster.updateAll(fed);
        run = outside ? run + 1 : 0;
        return new Verdict(run >= k, run);
    }
}
