package io.ldist.engine.scale;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.util.IntList;

import java.util.List;
import java.util.Objects;

/**
 * Which host type a scale-out launches: among the scaling's launch types, the one that carries the demand
 * at the lowest cost per hour. The demand is what waits (queued tasks and VMs without a server), or, when
 * nothing waits (a scale-out on load), what the fleet's servers carry now: its shape (CPU, memory, GPUs) says
 * which type suits it. A type carries as many copies of that shape as its tightest resource holds; in a
 * task-stream fleet only the template's VMs that fit the type run tasks, so their capacity counts, not the
 * server's. The cost per copy is the type's running price (on-demand and licence) over the copies; a type
 * that carries none is never chosen; ties go to the first type listed ({@code launchType}).
 *
 * <p>The waiting demand is taken whole: a mix of GPU and CPU tasks asks for a type with GPUs.
 */
public final class LaunchTypeChoice {
    private final List<HostType> types;
    private final CostModel costs;
    private final VmTemplate template;
    private final ScalingScope scope;

    /** @param template the VMs every server of a task-stream fleet runs, or null */
    public LaunchTypeChoice(List<HostType> types, CostModel costs, VmTemplate template) {
        this(types, costs, template, ScalingScope.WHOLE_FLEET);
    }

    /** @param scope the servers and tasks whose demand counts (one pool's, or the whole fleet's) */
    public LaunchTypeChoice(List<HostType> types, CostModel costs, VmTemplate template, ScalingScope scope) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one launch type");
        }
        this.types = List.copyOf(types);
        this.costs = Objects.requireNonNull(costs, "costs");
        this.template = template;
        this.scope = scope;
    }

    /** The type to launch for what {@code plan} has waiting; {@code waitingVms} are the VMs without a server. */
    public HostType choose(PlanView plan, IntList waitingVms) {
        if (types.size() == 1) {
            return types.get(0);
        }
        double[] demand = waitingDemand(plan, waitingVms);
        if (demand[0] <= 0 && demand[1] <= 0 && demand[2] <= 0) {
            demand = carriedDemand(plan);
        }
        HostType best = types.get(0);
        double bestCost = Double.POSITIVE_INFINITY;
        for (HostType type : types) {
            double copies = copies(type, demand, plan.rules().maxVmsPerHost());
            if (copies <= 0) {
                continue;
            }
            double cost = costs.runningUsdPerHour(type) / copies;
            if (cost < bestCost) {
                bestCost = cost;
                best = type;
            }
        }
        return best;
    }

    /** Copies of the demand's shape one server of {@code type} carries (infinite for an empty demand). */
    double copies(HostType type, double[] demand, int maxVmsPerHost) {
        double cpu = type.totalMips();
        double ram = type.ramMb();
        double gpus = type.gpus();
        if (template != null) {
            int vms = Math.min(Math.min(VmTemplate.fitting(template.type(), type), template.perHost()), maxVmsPerHost);
            cpu = Math.min(cpu, vms * template.type().totalMips());
            ram = Math.min(ram, vms * template.type().ramMb());
            gpus = Math.min(gpus, vms * template.type().gpus());
            if (vms == 0) {
                return 0;
            }
        }
        double copies = Double.POSITIVE_INFINITY;
        copies = demand[0] > 0 ? Math.min(copies, cpu / demand[0]) : copies;
        copies = demand[1] > 0 ? Math.min(copies, ram / demand[1]) : copies;
        copies = demand[2] > 0 ? Math.min(copies, gpus / demand[2]) : copies;
        return copies;
    }

    /** CPU, memory and GPUs of the queued tasks and of the VMs without a server. */
    private double[] waitingDemand(PlanView plan, IntList waitingVms) {
        double[] demand = new double[3];
        for (int i = 0; i < plan.view().queuedTaskCount(); i++) {
            if (!scope.runs(plan.view().queuedTask(i))) {
                continue;
            }
            var task = plan.view().queuedTask(i).demand();
            demand[0] += task.cpuMips();
            demand[1] += task.ramMb();
            demand[2] += task.gpus();
        }
        for (int i = 0; i < waitingVms.size(); i++) {
            int vm = waitingVms.get(i);
            demand[0] += plan.vmCpu(vm);
            demand[1] += plan.vmRam(vm);
            demand[2] += plan.vmGpu(vm);
        }
        return demand;
    }

    /** What the running servers' VMs and tasks ask for now. */
    private double[] carriedDemand(PlanView plan) {
        double[] demand = new double[3];
        for (int h = 0; h < plan.hostCount(); h++) {
            HostState state = plan.hostState(h);
            if ((state == HostState.ACTIVE || state == HostState.BOOTING || state == HostState.DRAINING)
                    && scope.holds(plan, h)) {
                demand[0] += plan.demandCpu(h);
                demand[1] += plan.demandRam(h);
                demand[2] += plan.demandGpu(h);
            }
        }
        return demand;
    }
}
