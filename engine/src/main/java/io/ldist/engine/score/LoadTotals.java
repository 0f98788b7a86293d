package io.ldist.engine.score;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;

import java.util.function.IntPredicate;

/**
 * Demand and capacity of one server, or of all active servers together, as the plan so far leaves them.
 * Scorers turn these into a single load figure.
 */
public record LoadTotals(double cpuDemand, double cpuCapacity, double ramDemand, double ramCapacity,
                         double gpuDemand, double gpuCapacity, long requests, long requestSlots) {

    public static LoadTotals ofHost(int host, HostLoads plan) {
        HostType type = plan.hostType(host);
        return new LoadTotals(plan.demandCpu(host), type.totalMips(), plan.demandRam(host), type.ramMb(),
                plan.demandGpu(host), type.gpus(), plan.runningTasks(host), plan.taskSlots(host));
    }

    /** All active servers; queued tasks count as requests. */
    public static LoadTotals ofActiveHosts(PlanView plan, int queuedTasks) {
        return ofActiveHosts(plan, queuedTasks, h -> true);
    }

    /** The same totals over the active servers {@code hosts} accepts (one pool's, say). */
    public static LoadTotals ofActiveHosts(PlanView plan, int queuedTasks, IntPredicate hosts) {
        double cpu = 0;
        double cpuCapacity = 0;
        double ram = 0;
        double ramCapacity = 0;
        double gpu = 0;
        double gpuCapacity = 0;
        long requests = queuedTasks;
        long slots = 0;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE || !hosts.test(h)) {
                continue;
            }
            HostType type = plan.hostType(h);
            cpu += plan.demandCpu(h);
            cpuCapacity += type.totalMips();
            ram += plan.demandRam(h);
            ramCapacity += type.ramMb();
            gpu += plan.demandGpu(h);
            gpuCapacity += type.gpus();
            requests += plan.runningTasks(h);
            slots += plan.taskSlots(h);
        }
        return new LoadTotals(cpu, cpuCapacity, ram, ramCapacity, gpu, gpuCapacity, requests, slots);
    }

    public double cpuShare() {
        return share(cpuDemand, cpuCapacity);
    }

    public double ramShare() {
        return share(ramDemand, ramCapacity);
    }

    public double gpuShare() {
        return share(gpuDemand, gpuCapacity);
    }

    /**
     * Requests over slots. With no slots at all, any request means "full": a fleet with work waiting and no
     * server to run it is overwhelmed, not idle.
     */
    public double requestShare() {
        if (requestSlots == 0) {
            return requests > 0 ? 1 : 0;
        }
        return (double) requests / requestSlots;
    }

    private static double share(double demand, double capacity) {
        return capacity > 0 ? demand / capacity : 0;
    }
}
