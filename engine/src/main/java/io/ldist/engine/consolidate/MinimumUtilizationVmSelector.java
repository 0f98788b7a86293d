package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanningState;

/**
 * Minimum utilisation (MU): the VM using the smallest share of its own MIPS, first in the server's list on a
 * tie.
 */
public final class MinimumUtilizationVmSelector implements VmSelector {

    @Override
    public int select(int host, PlanningState plan) {
        int chosen = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            int vm = plan.vmOn(host, i);
            if (plan.vmMigrating(vm)) {
                continue;
            }
            double utilization = plan.vmDemandCpu(vm) / plan.vmType(vm).totalMips();
            if (utilization < least) {
                least = utilization;
                chosen = vm;
            }
        }
        return chosen;
    }
}
