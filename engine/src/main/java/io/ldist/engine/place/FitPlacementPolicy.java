package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;


/**
 * Best fit (the server left with the least room) or worst fit (the most room). Room is the smallest
 * remaining share over CPU, memory and GPU after the VM (of what VMs reserve) or the task (of what tasks ask
 * for) is added: the server's tightest resource decides.
 */
public final class FitPlacementPolicy implements PlacementPolicy {
    private final boolean best;

    /** @param best true for best fit, false for worst fit */
    public FitPlacementPolicy(boolean best) {
        this.best = best;
    }

    @Override
    public double rank(int host, int vm, PlanView plan) {
        return ranked(plan.hostType(host), plan.usedCpu(host) + plan.vmCpu(vm), plan.usedRam(host) + plan.vmRam(vm),
                plan.usedGpu(host) + plan.vmGpu(vm));
    }

    @Override
    public double rankForTask(int host, Resources demand, HostLoads plan) {
        return ranked(plan.hostType(host), plan.demandCpu(host) + demand.cpuMips(),
                plan.demandRam(host) + demand.ramMb(), plan.demandGpu(host) + demand.gpus());
    }

    private double ranked(HostType type, double cpu, double ram, double gpus) {
        return best ? room(type, cpu, ram, gpus) : -room(type, cpu, ram, gpus);
    }

    /** The smallest share of a server of {@code type} left free when its load is {@code cpu}, {@code ram}, {@code gpus}. */
    static double room(HostType type, double cpu, double ram, double gpus) {
        double room = (type.totalMips() - cpu) / type.totalMips();
        room = Math.min(room, (type.ramMb() - ram) / type.ramMb());
        if (type.gpus() > 0) {
            room = Math.min(room, (type.gpus() - gpus) / type.gpus());
        }
        return room;
    }

    @Override
    public TaskRankBounds taskRankBounds() {
        return new FitRankBounds(best);
    }
}
