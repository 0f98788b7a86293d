package io.ldist.engine.place;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;

import java.util.Objects;

/**
 * The server where running the VM or task adds least to the bill per hour (the seeds' "find the cheapest
 * server"). The marginal cost of a decision is the energy it adds (the rise of the server's power times the
 * energy price) and the capacity it takes: on a server that already runs work, the share of the server's
 * hourly price (on-demand and licence) that the demand occupies (its tightest resource decides); on an empty
 * server, the whole price, which placing there keeps scale-in from saving. So work goes to busy servers of
 * the most cost-efficient types, and servers of dear types empty out and are the ones scaled in.
 *
 * <p>Without prices every rank is 0 and the lowest-numbered server wins: first fit.
 */
public final class CheapestPlacementPolicy implements PlacementPolicy {
    private final CostModel costs;

    public CheapestPlacementPolicy(CostModel costs) {
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    /**
     * The server's whole price per hour running flat out (an empty server's rank is its price; energy adds at most
     * the rise to full load); 1 when there are no prices, where ranks are all 0 and any penalty decides.
     */
    @Override
    public double rankSpan(int host, PlanView plan) {
        HostType type = plan.hostType(host);
        double span = costs.runningUsdPerHour(type)
                + (type.power().watts(1) - type.power().watts(0)) * costs.usdPerWattHour();
        return span > 0 ? span : 1;
    }

    @Override
    public double rank(int host, int vm, PlanView plan) {
        HostType type = plan.hostType(host);
        double used = plan.usedCpu(host);
        return marginalUsdPerHour(type, plan.placedVmCount(host) == 0, plan.vmCpu(vm), plan.vmRam(vm),
                plan.vmGpu(vm), used, used + plan.vmCpu(vm));
    }

    @Override
    public double rankForTask(int host, Resources demand, HostLoads plan) {
        double now = plan.demandCpu(host);
        return marginalUsdPerHour(plan.hostType(host), empty(host, plan), demand.cpuMips(), demand.ramMb(),
                demand.gpus(), now, now + demand.cpuMips());
    }

    private static boolean empty(int host, HostLoads plan) {
        return plan.runningTasks(host) == 0 && plan.demandCpu(host) <= 0;
    }

    private double marginalUsdPerHour(HostType type, boolean empty, double cpu, double ram, double gpus,
                                      double cpuBefore, double cpuAfter) {
        double price = costs.runningUsdPerHour(type);
        double capacity = empty ? price : price * share(type, cpu, ram, gpus);
        double rise = type.power().watts(cpuAfter / type.totalMips()) - type.power().watts(cpuBefore / type.totalMips());
        return capacity + costs.usdPerWattHour() * rise;
    }

    /** The demand's share of the server's tightest resource. */
    private static double share(HostType type, double cpu, double ram, double gpus) {
        double share = Math.max(cpu / type.totalMips(), ram / type.ramMb());
        return type.gpus() > 0 ? Math.max(share, gpus / type.gpus()) : share;
    }

    /**
     * Keys: the price per MIPS, per MiB and per GPU; the price an empty server charges whole (0 for a busy one);
     * and, as power-aware best fit, the least slope of the power curve from the server's load up per MIPS and
     * that slope times the load left, both in USD per hour. A server's rank is at least the largest of the
     * demand times each price per unit and its empty price, plus the smaller of the two energy figures.
     */
    @Override
    public TaskRankBounds taskRankBounds() {
        return new TaskRankBounds() {
            @Override
            public int keyCount() {
                return 6;
            }

            @Override
            public void keys(int host, HostLoads loads, double[] out, int at) {
                HostType type = loads.hostType(host);
                double price = costs.runningUsdPerHour(type);
                out[at] = price / type.totalMips();
                out[at + 1] = price / type.ramMb();
                out[at + 2] = type.gpus() > 0 ? price / type.gpus() : 0;
                out[at + 3] = empty(host, loads) ? price : 0;
                double now = loads.demandCpu(host) / type.totalMips();
                double slope = type.power().leastSlopeFrom(now);
                if (slope < 0) {
                    out[at + 4] = Double.NEGATIVE_INFINITY; // a curve that falls somewhere: no energy bound
                    out[at + 5] = Double.NEGATIVE_INFINITY;
                    return;
                }
                out[at + 4] = costs.usdPerWattHour() * slope / type.totalMips();
                out[at + 5] = costs.usdPerWattHour() * slope * Math.max(0, 1 - now);
            }

            @Override
            public double lowerBound(double[] group, int at, Resources demand) {
                double capacity = Math.max(Math.max(demand.cpuMips() * group[at], demand.ramMb() * group[at + 1]),
                        Math.max(demand.gpus() * group[at + 2], group[at + 3]));
                if (group[at + 4] == Double.NEGATIVE_INFINITY) {
                    return Double.NEGATIVE_INFINITY; // some server's power curve falls: no bound for the group
                }
                double energy = Math.min(demand.cpuMips() * group[at + 4], group[at + 5]);
                return TaskRankBounds.slack(capacity + energy);
            }
        };
    }
}
