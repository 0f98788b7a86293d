package io.ldist.engine.place;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.HostType;

/**
 * Best fit (the server left with the least room) or worst fit (the most room). Room is the smallest
 * remaining share over CPU, memory and GPU after the VM is added: the server's tightest resource decides.
 */
public final class FitPlacementPolicy implements PlacementPolicy {
    private final boolean best;

    /** @param best true for best fit, false for worst fit */
    public FitPlacementPolicy(boolean best) {
        this.best = best;
    }

    @Override
    public double rank(int host, int vm, PlanningState plan) {
        HostType type = plan.hostType(host);
        double room = (type.totalMips() - plan.usedCpu(host) - plan.vmCpu(vm)) / type.totalMips();
        room = Math.min(room, (type.ramMb() - plan.usedRam(host) - plan.vmRam(vm)) / type.ramMb());
        if (type.gpus() > 0) {
            room = Math.min(room, (type.gpus() - plan.usedGpu(host) - plan.vmGpu(vm)) / type.gpus());
        }
        return best ? room : -room;
    }
}
