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
import io.ldist.engine.score.Scorer;

/**
 * Gives queued tasks, oldest first, to a VM on the least-loaded server that has a VM with a free slot and
 * room for the task; on that server the VM with the most free CPU takes it. A task that fits nowhere stays
 * queued and younger tasks may pass it (backfilling), so one large task does not hold up the whole queue.
 */
public final class DispatchStep implements DecisionStep {
    private final Scorer scorer;
    private final HostGate gate;

    public DispatchStep(Scorer scorer, HostGate gate) {
        this.scorer = scorer;
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
        double bestLoad = Double.POSITIVE_INFINITY;
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE || plan.runningTasks(h) >= plan.taskSlots(h)
                    || !gate.admits(h)) {
                continue;
            }
            double load = scorer.hostLoad(h, plan);
            if (load >= bestLoad) {
                continue;
            }
            int vm = roomiestVm(h, demand, plan);
            if (vm >= 0) {
                bestLoad = load;
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
