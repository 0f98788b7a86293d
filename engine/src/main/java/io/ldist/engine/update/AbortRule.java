package io.ldist.engine.update;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;

import java.util.Arrays;
import java.util.Locale;

/**
 * When a rolling update stops starting new batches (the batch under way still finishes): the service level the
 * engine observes at a decision, while a batch is under way, is worse than a bound. Each bound is off when NaN.
 * The engine sees only what waits and what runs now, so the rules are about that: the tasks queued now, and the
 * servers running at full CPU now (where VMs get less than they ask for, the SLATAH condition behind SLAV).
 *
 * @param queueWaitP95S      bound on the 95th percentile of how long the tasks queued now have waited
 * @param lateQueued         bound on how many queued tasks are already past their deadline
 * @param overloadedShare    bound on the share of active servers at 100 % CPU, in [0, 1]
 */
public record AbortRule(double queueWaitP95S, double lateQueued, double overloadedShare) {
    public static final AbortRule NONE = new AbortRule(Double.NaN, Double.NaN, Double.NaN);
    private static final double FULL_CPU = 1 - 1e-9;

    public AbortRule {
        if (queueWaitP95S < 0 || lateQueued < 0 || overloadedShare < 0 || overloadedShare > 1) {
            throw new IllegalArgumentException("abort bounds must be >= 0 (a share at most 100 %)");
        }
    }

    public boolean isNone() {
        return Double.isNaN(queueWaitP95S) && Double.isNaN(lateQueued) && Double.isNaN(overloadedShare);
    }

    /** What the fleet breaches now, as a sentence for the log, or null when it breaches nothing. */
    public String breach(PlanView plan) {
        ClusterView view = plan.view();
        double now = view.nowS();
        if (!Double.isNaN(queueWaitP95S) || !Double.isNaN(lateQueued)) {
            int queued = view.queuedTaskCount();
            double[] waits = new double[queued];
            int late = 0;
            for (int i = 0; i < queued; i++) {
                waits[i] = now - view.queuedTask(i).arrivalS();
                late += now > view.queuedTask(i).deadlineS() ? 1 : 0;
            }
            if (!Double.isNaN(lateQueued) && late > lateQueued) {
                return late + " queued tasks are past their deadline (bound " + (long) lateQueued + ")";
            }
            double p95 = p95(waits);
            if (!Double.isNaN(queueWaitP95S) && p95 > queueWaitP95S) {
                return String.format(Locale.ROOT, "the 95th percentile wait of the %d queued tasks is %.0f s "
                        + "(bound %.0f s)", queued, p95, queueWaitP95S);
            }
        }
        if (!Double.isNaN(overloadedShare)) {
            int active = 0;
            int full = 0;
            for (int h = 0; h < view.hostCount(); h++) {
                if (view.hostState(h) == HostState.ACTIVE) {
                    active++;
                    full += view.hostCpuUtilization(h) >= FULL_CPU ? 1 : 0;
                }
            }
            if (active > 0 && (double) full / active > overloadedShare) {
                return String.format(Locale.ROOT, "%d of %d active servers run at 100 %% CPU (bound %.0f %%)", full,
                        active, overloadedShare * 100);
            }
        }
        return null;
    }

    /** Nearest rank, as the run's wait percentiles; 0 for an empty queue. */
    private static double p95(double[] waits) {
        if (waits.length == 0) {
            return 0;
        }
        Arrays.sort(waits);
        int rank = (int) Math.ceil(0.95 * waits.length);
        return waits[Math.max(0, Math.min(waits.length - 1, rank - 1))];
    }
}
