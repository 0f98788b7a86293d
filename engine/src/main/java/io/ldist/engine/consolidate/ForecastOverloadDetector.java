package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.forecast.ForecastSetup;
import io.ldist.engine.forecast.Forecaster;
import io.ldist.engine.forecast.ForecasterFactory;
import io.ldist.engine.registry.PolicyContext;

/**
 * Predictive overload detection: the server's utilisation history (as {@link HostHistory} builds it) is replayed
 * through a forecaster, and the server is overloaded when the upper bound of the forecast's prediction interval
 * at {@code confidence} (the point plus the half-width, not clamped to full utilisation, so that a threshold of 1
 * still means something), at any horizon up to the longest of its VMs' migrations (in decision intervals, rounded
 * up, at least one), exceeds the threshold. The interval comes from the forecaster's own errors on that history,
 * so a steady server may run close to the threshold while an erratic one is given room.
 *
 * <p>While the history holds fewer than {@link #MINIMUM_SAMPLES} samples, or too few errors at some horizon for
 * an interval at that confidence, the fallback detector decides.
 */
public final class ForecastOverloadDetector implements OverloadDetector {
    /** As local regression's window: the study's minimum history for an adaptive detector. */
    static final int MINIMUM_SAMPLES = 10;

    private final double threshold;
    private final double confidence;
    private final ForecasterFactory forecasters;
    private final OverloadDetector fallback;
    private final PolicyContext context;

    public ForecastOverloadDetector(double threshold, double confidence, ForecasterFactory forecasters,
                                    OverloadDetector fallback, PolicyContext context) {
        if (!(threshold > 0 && threshold <= 1) || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("expected threshold in (0, 1] and confidence in (0, 1), found "
                    + threshold + ", " + confidence);
        }
        this.threshold = threshold;
        this.confidence = confidence;
        this.forecasters = forecasters;
        this.fallback = fallback;
        this.context = context;
    }

    @Override
    public boolean isOverloaded(int host, PlanView plan, int extraVm) {
        double[] newestFirst = HostHistory.of(host, plan, extraVm);
        if (newestFirst.length < MINIMUM_SAMPLES) {
            return fallback.isOverloaded(host, plan, extraVm);
        }
        int horizon = Math.max(1, LongestMigration.intervals(host, plan, extraVm, context));
        // A forecaster is online and cannot forget, so each question replays the history through a fresh one.
        Forecaster forecaster = forecasters.create(ForecastSetup.utilisation(1, horizon, context.decisionIntervalS()));
        for (int age = newestFirst.length - 1; age >= 0; age--) {
            forecaster.update(0, newestFirst[age]);
        }
        for (int h = 1; h <= horizon; h++) {
            double halfWidth = forecaster.halfWidth(0, h, confidence);
            if (Double.isInfinite(halfWidth)) {
                return fallback.isOverloaded(host, plan, extraVm);
            }
            if (forecaster.point(0, h) + halfWidth > threshold) {
                return true;
            }
        }
        return false;
    }
}
