package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/**
 * Minimum utilisation (MU): the VM using the smallest share of its own MIPS, first in the server's list on a
 * tie.
 */
public final class MinimumUtilizationVmSelector implements VmSelector {

    @Override
    public int select(int host, PlanView plan) {
        return VmSelector.least(plan.movableVms(host), vm -> plan.vmDemandCpu(vm) / plan.vmType(vm).totalMips());
    }
}
