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
        double room = (type.totalMips() - cpu) / type.totalMips();
        room = Math.min(room, (type.ramMb() - ram) / type.ramMb());
        if (type.gpus() > 0) {
            room = Math.min(room, (type.gpus() - gpus) / type.gpus());
        }
        return best ? room : -room;
    }

    /**
     * Keys: each resource's free share (cap - demand) / cap and its inverse capacity 1 / cap (a server without
     * GPUs has an unbounded GPU share and no GPU term), then what the server's tasks ask for of each resource. A
     * server's room is min over resources of (free share - task / cap), so a group's room lies between the keys'
     * extremes combined per resource. On servers of one type each resource's term only falls as the demand on it
     * rises, with the rank's own arithmetic: best fit's least rank is then exactly the rank at the group's
     * highest demands, and worst fit's is bounded by the rank at its lowest ones, both without slack.
     */
    @Override
    public TaskRankBounds taskRankBounds() {
        return new TaskRankBounds() {
            private static final int DEMANDS = 6;

            @Override
            public int keyCount() {
                return 9;
            }

            @Override
            public void keys(int host, HostLoads loads, double[] out, int at) {
                HostType type = loads.hostType(host);
                out[at] = (type.totalMips() - loads.demandCpu(host)) / type.totalMips();
                out[at + 1] = (type.ramMb() - loads.demandRam(host)) / type.ramMb();
                out[at + 2] = type.gpus() > 0 ? (type.gpus() - loads.demandGpu(host)) / type.gpus()
                        : Double.POSITIVE_INFINITY;
                out[at + 3] = 1 / type.totalMips();
                out[at + 4] = 1 / type.ramMb();
                out[at + 5] = type.gpus() > 0 ? 1 / type.gpus() : 0;
                out[at + DEMANDS] = loads.demandCpu(host);
                out[at + DEMANDS + 1] = loads.demandRam(host);
                out[at + DEMANDS + 2] = loads.demandGpu(host);
            }

            @Override
            public double lowerBound(double[] group, int at, Resources demand) {
                int max = at + keyCount(); // the maxima follow the minima
                if (best) {
                    double room = Math.min(group[at] - demand.cpuMips() * group[max + 3],
                            group[at + 1] - demand.ramMb() * group[max + 4]);
                    room = Math.min(room, group[at + 2] - demand.gpus() * group[max + 5]);
                    return TaskRankBounds.slack(room);
                }
                double room = Math.min(group[max] - demand.cpuMips() * group[at + 3],
                        group[max + 1] - demand.ramMb() * group[at + 4]);
                room = Math.min(room, group[max + 2] - demand.gpus() * group[at + 5]);
                return TaskRankBounds.slack(-room);
            }

            @Override
            public double lowerBound(double[] group, int at, Resources demand, HostType type) {
                // Best fit: the highest demands (the maxima); worst fit: the lowest (the minima).
                int demands = (best ? at + keyCount() : at) + DEMANDS;
                return ranked(type, group[demands] + demand.cpuMips(), group[demands + 1] + demand.ramMb(),
                        group[demands + 2] + demand.gpus());
            }
        };
    }
}
