package io.ldist.engine.scale;

import io.ldist.engine.forecast.ForecastSetup;
import io.ldist.engine.forecast.Forecaster;
import io.ldist.engine.forecast.HoltWintersForecaster;

import java.util.ArrayDeque;

/**
 * The fleet's demand, one sample per decision, and its forecast. The model is rebuilt from the kept samples when
 * the engine's memory is recalled (the samples are the memory: a model's internals are not), and is built once the
 * decision interval is known from the first two samples, so that its horizon and its day are counted in decisions.
 */
final class DemandForecast {
    /** Three days of one-minute decisions: enough for the daily season to be learnt and kept. */
    static final int KEPT_SAMPLES = 3 * 1440;
    /** Holt-Winters' smoothing: a level that follows within minutes, a damped trend, a slowly learnt season. */
    private static final double ALPHA = 0.5;
    private static final double BETA = 0.1;
    private static final double GAMMA = 0.05;
    private static final double PHI = 0.95;

    private final ScaleOutForecast settings;
    private final double maxDemand;
    private final ArrayDeque<double[]> samples = new ArrayDeque<>();
    private Forecaster model;
    private int horizon;

    /** @param maxDemand the most demand that can be, in servers (forecasts are clamped to [0, it]) */
    DemandForecast(ScaleOutForecast settings, double maxDemand) {
        this.settings = settings;
        this.maxDemand = maxDemand;
    }

    void observe(double atS, double demand) {
        samples.addLast(new double[] {atS, demand});
        while (samples.size() > KEPT_SAMPLES) {
            samples.removeFirst();
        }
        if (model != null) {
            model.update(0, Math.min(maxDemand, Math.max(0, demand)));
        } else if (samples.size() >= 2) {
            rebuild();
        }
    }

    /**
     * The upper bound of the demand forecast {@code leadS} ahead at the configured confidence, in servers; NaN while
     * the model has too few residuals at that horizon to bound it.
     */
    double upperBound() {
        return upperBound(settings.confidence());
    }

    /** The same at another confidence (the cost-sized standby pool's, which its prices decide). */
    double upperBound(double confidence) {
        if (model == null || model.samples(0) < 2L * horizon) {
            return Double.NaN;
        }
        if (Double.isInfinite(model.halfWidth(0, horizon, confidence))) {
            return Double.NaN;
        }
        return model.forecast(0, horizon, confidence).upper();
    }

    double[][] remember() {
        return samples.toArray(new double[0][]);
    }

    void recall(double[][] kept) {
        samples.clear();
        for (double[] sample : kept) {
            samples.addLast(sample.clone());
        }
        model = null;
        if (samples.size() >= 2) {
            rebuild();
        }
    }

    private void rebuild() {
        double[] first = samples.peekFirst();
        double[] second = samples.stream().skip(1).findFirst().orElseThrow();
        double intervalS = second[0] - first[0];
        if (!(intervalS > 0)) {
            samples.removeFirst(); // two samples at one instant: the interval is not known yet
            return;
        }
        horizon = Math.max(1, (int) Math.ceil(settings.leadS() / intervalS));
        int perDay = settings.method().equals("holt-winters") ? (int) Math.round(86_400 / intervalS) : 0;
        ForecastSetup setup = new ForecastSetup(1, horizon, 0, Math.max(1e-9, maxDemand),
                ForecastSetup.DEFAULT_RESIDUAL_WINDOW, perDay);
        model = new HoltWintersForecaster(setup, ALPHA, BETA, GAMMA, PHI, perDay > 0);
        for (double[] sample : samples) {
            model.update(0, Math.min(maxDemand, Math.max(0, sample[1])));
        }
    }
}
