package io.ldist.engine.forecast;

import java.util.List;

/**
 * Weighs member forecasters per series and horizon by their recent absolute error at that horizon: each member's
 * error is an exponentially weighted mean of its absolute errors (each new one weighing {@code 1 - decay}), and
 * its weight is {@code 1 / (error + floor)^power}, so that a large power all but picks the best member. The
 * forecast is the weighted median of the members' forecasts (or, with {@code median} false, their weighted
 * mean). While no error is known at a horizon the members weigh the same. The intervals come from the
 * selector's own residuals, as every forecaster's.
 * <p>
 * The members are fed every sample through the selector, and their forecasts kept until they can be scored.
 */
public final class SelectorForecaster extends AbstractForecaster {
    /** Added to every error before weighing: a hundredth of a CPU point on a share, so no weight is infinite. */
    private static final double FLOOR = 1e-4;

    private final Forecaster[] members;
    private final int count;
    private final int horizons;
    private final double decay;
    private final double power;
    private final boolean median;
    /**
     * [series][origin mod horizons][horizon - 1][member]: the members' forecasts at the last origins, the members
     * side by side, since they are scored together.
     */
    private final double[] made;
    /** [series][member][horizon - 1]: the decayed mean absolute error. */
    private final double[] error;
    /** [series][horizon - 1]: whether any error at the horizon is known yet. */
    private final boolean[] scored;
    private final double[] weight;
    private final double[] value;
    private final int[] byValue;

    public SelectorForecaster(ForecastSetup setup, List<Forecaster> members, double decay, double power,
                              boolean median) {
        super(setup, 1);
        if (members.isEmpty() || !(decay >= 0 && decay < 1) || !(power > 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("expected one member or more, decay in [0, 1), power > 0; found "
                    + members.size() + ", " + decay + ", " + power);
        }
        for (Forecaster member : members) {
            if (member.seriesCount() != setup.seriesCount() || member.maxHorizon() < setup.maxHorizon()) {
                throw new IllegalArgumentException("members must follow the selector's " + setup.seriesCount()
                        + " series up to horizon " + setup.maxHorizon());
            }
        }
        this.members = members.toArray(new Forecaster[0]);
        this.count = this.members.length;
        this.horizons = setup.maxHorizon();
        this.decay = decay;
        this.power = power;
        this.median = median;
        int n = setup.seriesCount();
        this.made = new double[Math.multiplyExact(Math.multiplyExact(n, horizons), count * horizons)];
        this.error = new double[Math.multiplyExact(n, count * horizons)];
        this.scored = new boolean[Math.multiplyExact(n, horizons)];
        this.weight = new double[count];
        this.value = new double[count];
        this.byValue = new int[count];
    }

    @Override
    protected void learn(int series, double actual, long index) {
        for (int h = 1; h <= horizons && h <= index; h++) {
            int slot = (int) ((index - h) % horizons);
            boolean first = !scored[series * horizons + h - 1];
            for (int m = 0; m < count; m++) {
                double e = Math.abs(actual - made[madeAt(series, slot, m, h)]);
                int at = (series * count + m) * horizons + h - 1;
                error[at] = first ? e : decay * error[at] + (1 - decay) * e;
            }
            scored[series * horizons + h - 1] = true;
        }
        int slot = (int) (index % horizons);
        for (int m = 0; m < count; m++) {
            members[m].update(series, actual);
            for (int h = 1; h <= horizons; h++) {
                made[madeAt(series, slot, m, h)] = members[m].point(series, h);
            }
        }
    }

    private int madeAt(int series, int slot, int member, int horizon) {
        return ((series * horizons + slot) * horizons + horizon - 1) * count + member;
    }

    /**
     * The setup to build members for: the selector's, with a single residual per horizon, since the selector reads
     * only the members' point forecasts (their own intervals would cost memory traffic for nothing).
     */
    public static ForecastSetup memberSetup(ForecastSetup setup) {
        return new ForecastSetup(setup.seriesCount(), setup.maxHorizon(), setup.min(), setup.max(), 1,
                setup.samplesPerDay());
    }

    /**
     * The weight of {@code member} for the series' next forecast at {@code horizon} (capped at the longest
     * horizon whose errors are kept), relative to the others: the weights of all members sum to 1.
     */
    public double weight(int series, int member, int horizon) {
        weigh(series, Math.min(horizon, horizons));
        return weight[member];
    }

    private void weigh(int series, int horizon) {
        double total = 0;
        boolean known = scored[series * horizons + horizon - 1];
        for (int m = 0; m < count; m++) {
            double w = known ? inversePower(error[(series * count + m) * horizons + horizon - 1] + FLOOR) : 1;
            weight[m] = w;
            total += w;
        }
        for (int m = 0; m < count; m++) {
            weight[m] /= total;
        }
    }

    /** 1 / e^power, without the costly Math.pow for the usual powers. */
    private double inversePower(double e) {
        if (power == 2) {
            return 1 / (e * e);
        }
        return power == 1 ? 1 / e : Math.pow(e, -power);
    }

    @Override
    protected double predict(int series, int horizon) {
        int h = Math.min(horizon, horizons);
        weigh(series, h);
        int slot = (int) ((samples(series) - 1) % horizons);
        for (int m = 0; m < count; m++) {
            value[m] = horizon <= horizons ? made[madeAt(series, slot, m, horizon)] : members[m].point(series, horizon);
        }
        if (count == 1) {
            return value[0];
        }
        if (!median) {
            double sum = 0;
            for (int m = 0; m < count; m++) {
                sum += weight[m] * value[m];
            }
            return sum;
        }
        for (int m = 0; m < count; m++) { // insertion sort by value: a handful of members
            int at = m;
            while (at > 0 && value[byValue[at - 1]] > value[m]) {
                byValue[at] = byValue[at - 1];
                at--;
            }
            byValue[at] = m;
        }
        double cumulative = 0;
        for (int j = 0; j < count; j++) {
            cumulative += weight[byValue[j]];
            if (cumulative >= 0.5 - 1e-12) {
                return value[byValue[j]];
            }
        }
        return value[byValue[count - 1]];
    }
}
