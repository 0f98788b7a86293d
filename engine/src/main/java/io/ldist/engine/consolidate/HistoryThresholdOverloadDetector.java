package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/**
 * Adaptive thresholds of the study: the server's upper utilisation threshold is 1 - s x spread, where the
 * spread of its utilisation history is the interquartile range (IQR) or the median absolute deviation (MAD)
 * and s the safety parameter: the more the load varies, the earlier a server counts as overloaded. With fewer
 * than 12 samples of history the fallback detector decides.
 */
public final class HistoryThresholdOverloadDetector implements OverloadDetector {
    /** How the spread of a history is measured. */
    public enum Spread { IQR, MAD }

    static final int MINIMUM_HISTORY = 12;

    private final Spread spread;
    private final double safety;
    private final OverloadDetector fallback;

    public HistoryThresholdOverloadDetector(Spread spread, double safety, OverloadDetector fallback) {
        if (!(safety >= 0)) {
            throw new IllegalArgumentException("safety parameter must be >= 0, was " + safety);
        }
        this.spread = spread;
        this.safety = safety;
        this.fallback = fallback;
    }

    @Override
    public boolean isOverloaded(int host, PlanView plan, int extraVm) {
        double[] history = HostHistory.of(host, plan, extraVm);
        if (history.length < MINIMUM_HISTORY) {
            return fallback.isOverloaded(host, plan, extraVm);
        }
        double threshold = 1 - safety * (spread == Spread.IQR ? iqr(history) : mad(history));
        double demand = plan.demandCpu(host) + (extraVm >= 0 ? plan.vmDemandCpu(extraVm) : 0);
        return demand / plan.hostType(host).totalMips() > threshold;
    }

    /** Interquartile range with the study's quartile positions: round(p (n + 1)) in the sorted sample. */
    static double iqr(double[] history) {
        double[] sorted = history.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        int q1 = (int) Math.round(0.25 * (n + 1)) - 1;
        int q3 = (int) Math.round(0.75 * (n + 1)) - 1;
        return sorted[q3] - sorted[q1];
    }

    /** Median absolute deviation from the median. */
    static double mad(double[] history) {
        double median = LocalRegression.median(history.clone());
        double[] deviations = new double[history.length];
        for (int i = 0; i < history.length; i++) {
            deviations[i] = Math.abs(median - history[i]);
        }
        return LocalRegression.median(deviations);
    }
}
