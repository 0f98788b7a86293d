package io.ldist.engine.dispatch;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmId;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.place.PlacementPolicy;

/**
 * Gives queued tasks, oldest first, to a VM on the server the placement policy ranks best among those that
 * have a VM with a free slot and room for the task (the least-loaded server by default; first fit packs tasks
 * onto the lowest-numbered servers); on that server the VM with the most free CPU takes it. A task that fits
 * nowhere stays queued and younger tasks may pass it (backfilling), so one large task does not hold up the
 * whole queue.
 */
public final class DispatchStep implements DecisionStep {
    private final PlacementPolicy placement;
    private final HostGate gate;

    public DispatchStep(PlacementPolicy placement, HostGate gate) {
        this.placement = placement;
        this.gate = gate;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return true;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        int queued = plan.view().queuedTaskCount();
        for (int i = 0; i < queued; i++) {
            TaskRequest task = plan.view().queuedTask(i);
            int vm = chooseVm(task.demand(), plan);
            if (vm < 0) {
                continue;
            }
            plan.assignTask(vm, task.demand());
            gate.routed(plan.vmHost(vm));
            actions.add(new AssignTask(task.id(), VmId.of(vm), Reason.DISPATCH));
        }
    }

    private int chooseVm(Resources demand, PlanningState plan) {
        int bestVm = -1;
        double bestRank = Double.POSITIVE_INFINITY;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE || plan.runningTasks(h) >= plan.taskSlots(h)
                    || !gate.admits(h)) {
                continue;
            }
            double rank = placement.rankForTask(h, demand, plan);
            if (rank >= bestRank) {
                continue; // ties go to the lowest index
            }
            int vm = roomiestVm(h, demand, plan);
            if (vm >= 0) {
                bestRank = rank;
                bestVm = vm;
            }
        }
        return bestVm;
    }

    private static int roomiestVm(int host, Resources demand, PlanningState plan) {
        int chosen = -1;
        double mostFreeCpu = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            int vm = plan.vmOn(host, i);
            if (plan.vmMigrating(vm) || !plan.isRunningVm(vm) || plan.vmTasks(vm) >= plan.vmType(vm).taskSlots()) {
                continue;
            }
            Resources free = plan.vmFreeForTasks(vm);
            if (free.fits(demand) && free.cpuMips() > mostFreeCpu) {
                mostFreeCpu = free.cpuMips();
                chosen = vm;
            }
        }
        return chosen;
    }
}
