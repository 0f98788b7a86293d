package io.ldist.engine.place;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.HostType;

/**
 * Power-aware best-fit-decreasing (Beloglazov and Buyya 2012): largest VMs first, each to the server whose
 * power draw rises least. The rise is measured from the server's power at its measured utilisation, as in
 * the study and CloudSim: a switched-off server counts from its idle power, so waking it is not charged its
 * idle draw.
 */
public final class PowerAwareBestFitDecreasingPlacementPolicy implements PlacementPolicy {

    @Override
    public boolean largestFirst() {
        return true;
    }

    @Override
    public double rank(int host, int vm, PlanningState plan) {
        HostType type = plan.hostType(host);
        double after = (plan.usedCpu(host) + plan.vmCpu(vm)) / type.totalMips();
        return type.power().watts(after) - type.power().watts(plan.measuredUtilization(host));
    }
}
