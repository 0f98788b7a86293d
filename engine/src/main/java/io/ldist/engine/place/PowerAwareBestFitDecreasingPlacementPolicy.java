package io.ldist.engine.place;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.Resources;

/**
 * Power-aware best-fit-decreasing (Beloglazov and Buyya 2012): largest VMs first, each to the server whose
 * power draw rises least. The rise is measured from the server's power at its measured utilisation, as in
 * the study and CloudSim: a switched-off server counts from its idle power, so waking it is not charged its
 * idle draw.
 *
 * <p>Rises are compared to the microwatt (rounded down): within one segment of a power curve many servers
 * raise their power by the same amount, and rounding noise should not pick among them; the lowest index does.
 */
public final class PowerAwareBestFitDecreasingPlacementPolicy implements PlacementPolicy {
    /** Rises are compared in steps of this many watts. */
    public static final double RESOLUTION_W = 1e-6;

    /** A power figure on the comparison grid: the largest grid step at or below {@code watts}. */
    public static double onGrid(double watts) {
        return Math.floor(watts / RESOLUTION_W) * RESOLUTION_W;
    }

    @Override
    public boolean largestFirst() {
        return true;
    }

    @Override
    public double rank(int host, int vm, PlanningState plan) {
        double after = (plan.usedCpu(host) + plan.vmCpu(vm)) / plan.capacityMips(host);
        return onGrid(plan.hostType(host).power().watts(after) - plan.measuredPowerW(host));
    }

    /** A task raises its server's power from what the server's tasks ask for now to that plus the task. */
    @Override
    public double rankForTask(int host, Resources demand, PlanningState plan) {
        double now = plan.demandCpu(host) / plan.capacityMips(host);
        double after = (plan.demandCpu(host) + demand.cpuMips()) / plan.capacityMips(host);
        return onGrid(plan.hostType(host).power().watts(after) - plan.hostType(host).power().watts(now));
    }
}
