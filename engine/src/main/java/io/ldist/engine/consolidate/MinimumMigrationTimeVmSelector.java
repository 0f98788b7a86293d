package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanningState;

/**
 * Minimum migration time (MMT): the VM with the least RAM, since live migration time is RAM over bandwidth.
 * Ties go to the VM that has been on the server longest (its list order), as in the study.
 */
public final class MinimumMigrationTimeVmSelector implements VmSelector {

    @Override
    public int select(int host, PlanningState plan) {
        int chosen = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            int vm = plan.vmOn(host, i);
            if (plan.vmMigrating(vm)) {
                continue;
            }
            double ram = plan.vmType(vm).ramMb();
            if (ram < least) {
                least = ram;
                chosen = vm;
            }
        }
        return chosen;
    }
}
