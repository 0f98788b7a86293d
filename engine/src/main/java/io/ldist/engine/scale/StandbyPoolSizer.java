package io.ldist.engine.scale;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.HostType;

import java.util.ArrayDeque;

/**
 * The size of the standby pool now, per {@link StandbyPool}. The cost-sized pool solves a newsvendor problem
 * each tick: a stopped server held over the next boot time costs its storage ({@code stoppedPerHour} of the
 * launch type, for a boot time); a server the load needs that is not warm arrives a boot time instead of a
 * resume time after it is asked for, and the tasks it would have run meanwhile wait ({@code penalty} each, at
 * the rate each active server completes tasks). The pool keeps the servers that the demand forecast a boot
 * time ahead exceeds the running fleet by at the critical fractile {@code c_u / (c_u + c_h)} (capped at 98 %),
 * at the scale-out threshold. Free storage keeps the whole prepared capacity warm; a free wait keeps
 * {@code minSize}. Until the forecast and the completion rate are known it keeps {@code size}.
 */
final class StandbyPoolSizer {
    /** The completion rate is measured over this long. */
    static final double RATE_WINDOW_S = 1800;
    /**
     * The highest fractile sized for: the forecast's interval comes from its last 96 residuals, which bound it up
     * to about 99 %; beyond, it would be unbounded.
     */
    static final double MAX_FRACTILE = 0.98;

    private final StandbyPool pool;
    private final CostModel costs;
    private final HostType launchType;
    private final int maxHosts;
    private final double scaleOutThreshold;
    private final DemandForecast forecast;
    /** (time, tasks completed on every server so far, active servers) at each tick within the rate window. */
    private final ArrayDeque<double[]> completions = new ArrayDeque<>();

    private final ScalingScope scope;

    StandbyPoolSizer(StandbyPool pool, CostModel costs, HostType launchType, int maxHosts, double scaleOutThreshold) {
        this(pool, costs, launchType, maxHosts, scaleOutThreshold, ScalingScope.WHOLE_FLEET);
    }

    StandbyPoolSizer(StandbyPool pool, CostModel costs, HostType launchType, int maxHosts, double scaleOutThreshold,
                     ScalingScope scope) {
        this.pool = pool;
        this.scope = scope;
        this.costs = costs;
        this.launchType = launchType;
        this.maxHosts = maxHosts;
        this.scaleOutThreshold = scaleOutThreshold;
        this.forecast = pool.sizing() != StandbyPool.Sizing.COST_SIZED ? null
                : new DemandForecast(new ScaleOutForecast("holt", 0.9, Math.max(1, launchType.bootTimeS())),
                        2.0 * maxHosts);
    }

    /**
     * A tick's observation: the fleet's demand (in servers at full load), the active servers, and the tasks
     * completed so far.
     */
    void observe(PlanView plan, double demandServers, int active) {
        if (forecast == null) {
            return;
        }
        forecast.observe(plan.nowS(), demandServers);
        long done = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (scope.holds(plan, h)) {
                done += plan.view().hostTaskSuccesses(h) + plan.view().hostTaskFailures(h);
            }
        }
        completions.addLast(new double[] {plan.nowS(), done, active});
        while (completions.peekFirst()[0] < plan.nowS() - RATE_WINDOW_S) {
            completions.removeFirst();
        }
    }

    /** Stopped servers to keep, with {@code running} servers active or booting. */
    int target(int running) {
        int prepared = pool.maxPrepared() == StandbyPool.UP_TO_MAX_HOSTS ? maxHosts
                : Math.min(maxHosts, pool.maxPrepared());
        int most = Math.max(0, prepared - running);
        return switch (pool.sizing()) {
            case FIXED -> pool.size();
            case WARM_POOL -> Math.max(pool.minSize(), most);
            case COST_SIZED -> Math.max(pool.minSize(), Math.min(most, costSized(running, most)));
        };
    }

    private int costSized(int running, int most) {
        double perServerS = completionRatePerServer();
        if (Double.isNaN(perServerS)) {
            return pool.size();
        }
        double penalty = Double.isNaN(pool.penaltyUsd()) ? costs.lateTaskUsd() : pool.penaltyUsd();
        double lateness = Math.max(0, launchType.bootTimeS() - launchType.resumeTimeS());
        double shortCost = penalty * perServerS * lateness;
        double holdCost = costs.of(launchType.name()).stoppedUsdPerHour() * launchType.bootTimeS() / 3600;
        if (shortCost <= 0) {
            return 0;
        }
        if (holdCost <= 0) {
            return most;
        }
        double upper = forecast.upperBound(Math.min(MAX_FRACTILE, shortCost / (shortCost + holdCost)));
        if (Double.isNaN(upper)) {
            return pool.size(); // too few residuals yet to bound the forecast at that fractile
        }
        int needed = (int) Math.ceil(upper / scaleOutThreshold - 1e-9);
        return Math.max(0, needed - running);
    }

    /** Tasks completed per second per active server over the rate window; NaN before two ticks. */
    private double completionRatePerServer() {
        if (completions.size() < 2) {
            return Double.NaN;
        }
        double[] first = completions.peekFirst();
        double[] last = completions.peekLast();
        double seconds = last[0] - first[0];
        double meanActive = completions.stream().mapToDouble(sample -> sample[2]).average().orElse(0);
        if (!(seconds > 0) || meanActive <= 0) {
            return Double.NaN;
        }
        return Math.max(0, last[1] - first[1]) / seconds / meanActive;
    }

    double[][] rememberCompletions() {
        return completions.toArray(new double[0][]);
    }

    double[][] rememberDemand() {
        return forecast == null ? new double[0][] : forecast.remember();
    }

    void recall(double[][] keptCompletions, double[][] keptDemand) {
        completions.clear();
        for (double[] sample : keptCompletions) {
            completions.addLast(sample.clone());
        }
        if (forecast != null) {
            forecast.recall(keptDemand);
        }
    }
}
