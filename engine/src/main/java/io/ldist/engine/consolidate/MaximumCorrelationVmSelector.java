package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.util.IntList;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Maximum correlation (MC): the VM whose CPU history is best explained by the others on the server (the
 * largest R-squared of a multiple linear regression of its history on theirs), since VMs whose loads rise
 * together are what overloads a server. When the histories are too short for the regression (no more samples
 * than VMs), the fallback selector decides.
 */
public final class MaximumCorrelationVmSelector implements VmSelector {
    private final VmSelector fallback;

    public MaximumCorrelationVmSelector(VmSelector fallback) {
        this.fallback = fallback;
    }

    @Override
    public int select(int host, PlanView plan) {
        IntList movable = plan.movableVms(host);
        int n = movable.size();
        if (n == 0) {
            return -1;
        }
        int samples = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            samples = Math.min(samples, historyLength(movable.get(i), plan));
        }
        if (n < 2 || samples <= n - 1) {
            return fallback.select(host, plan);
        }
        double[][] histories = new double[n][samples];
        for (int i = 0; i < n; i++) {
            for (int age = 0; age < samples; age++) {
                histories[i][age] = plan.view().vmHistory(movable.get(i), age);
            }
        }
        int best = 0;
        double bestRSquared = Double.MIN_VALUE;
        try {
            for (int i = 0; i < n; i++) {
                double rSquared = rSquared(i, histories);
                if (rSquared > bestRSquared) {
                    bestRSquared = rSquared;
                    best = i;
                }
            }
        } catch (MathIllegalArgumentException e) {
            return fallback.select(host, plan); // collinear or degenerate histories
        }
        return movable.get(best);
    }

    private static int historyLength(int vm, PlanView plan) {
        return plan.isExistingVm(vm) ? plan.view().vmHistoryLength(vm) : 0;
    }

    /** R-squared of VM {@code i}'s history regressed on all the others'. */
    private static double rSquared(int i, double[][] histories) {
        int n = histories.length;
        int samples = histories[0].length;
        double[][] others = new double[samples][n - 1];
        for (int t = 0; t < samples; t++) {
            int column = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others[t][column++] = histories[j][t];
                }
            }
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.newSampleData(histories[i], others);
        return regression.calculateRSquared();
    }
}
