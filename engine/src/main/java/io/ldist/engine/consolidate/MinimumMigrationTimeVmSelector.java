package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/**
 * Minimum migration time (MMT): the VM with the least RAM, since live migration time is RAM over bandwidth.
 * Ties go to the VM that has been on the server longest (its list order), as in the study.
 */
public final class MinimumMigrationTimeVmSelector implements VmSelector {

    @Override
    public int select(int host, PlanView plan) {
        return VmSelector.least(plan.movableVms(host), vm -> plan.vmType(vm).ramMb());
    }
}
