package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.registry.PolicyContext;

/**
 * Local regression (LR) and robust local regression (LRR) of the study: a straight line fitted to the last 10
 * samples of the server's utilisation history is extended over the time the longest of its VMs' migrations
 * would take (in decision intervals, rounded up); the server is overloaded when that prediction times the safety
 * parameter reaches 1. With fewer than 10 samples the fallback detector decides.
 *
 * <p>The fit is one of: plain least squares (what CloudSim 3.0.3 actually computes for both LR and LRR, its
 * weights never being applied), LOESS with tricube weights centred on the newest sample, or robust LOESS,
 * which also down-weights outlying samples with bisquare weights of the residuals (the study's LRR).
 */
public final class RegressionOverloadDetector implements OverloadDetector {
    /** How the line is fitted. */
    public enum Fit { LEAST_SQUARES, LOESS, ROBUST_LOESS }

    static final int WINDOW = 10;

    private final Fit fit;
    private final double safety;
    private final OverloadDetector fallback;
    private final PolicyContext context;

    public RegressionOverloadDetector(Fit fit, double safety, OverloadDetector fallback, PolicyContext context) {
        if (!(safety > 0)) {
            throw new IllegalArgumentException("safety parameter must be > 0, was " + safety);
        }
        this.fit = fit;
        this.safety = safety;
        this.fallback = fallback;
        this.context = context;
    }

    @Override
    public boolean isOverloaded(int host, PlanView plan, int extraVm) {
        double[] history = HostHistory.of(host, plan, extraVm);
        if (history.length < WINDOW) {
            return fallback.isOverloaded(host, plan, extraVm);
        }
        double[] oldestFirst = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            oldestFirst[i] = history[WINDOW - 1 - i];
        }
        double[] line = switch (fit) {
            case LEAST_SQUARES -> LocalRegression.ordinaryLeastSquares(oldestFirst);
            case LOESS -> LocalRegression.loess(oldestFirst);
            case ROBUST_LOESS -> LocalRegression.robustLoess(oldestFirst, 1);
        };
        int ahead = LongestMigration.intervals(host, plan, extraVm, context);
        double predicted = (line[0] + line[1] * (WINDOW + ahead)) * safety;
        return predicted >= 1;
    }
}
