package io.ldist.engine;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmId;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The oracle for task dispatch: the dispatch step as it was before the index, every queued task, higher tiers first and
 * oldest first within a tier, over every server in index order (best rank, ties to the lowest index, then the roomiest VM).
 */
final class NaiveDispatchStep implements DecisionStep {
    private final PlacementPolicy placement;
    private final HostGate gate;

    NaiveDispatchStep(PlacementPolicy placement, HostGate gate) {
        this.placement = placement;
        this.gate = gate;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return true;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        List<TaskRequest> queue = new ArrayList<>();
        for (int i = 0; i < plan.view().queuedTaskCount(); i++) {
            queue.add(plan.view().queuedTask(i));
        }
        queue.sort(Comparator.comparingInt(TaskRequest::tier)); // stable: queue order within a tier
        for (TaskRequest task : queue) {
            int vm = chooseVm(task.demand(), plan, placement, gate);
            if (vm >= 0) {
                plan.assignTask(vm, task.demand());
                gate.routed(plan.vmHost(vm));
                actions.add(new AssignTask(task.id(), VmId.of(vm), Reason.DISPATCH));
            }
        }
    }

    static int chooseVm(Resources demand, PlanningState plan, PlacementPolicy placement, HostGate gate) {
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
            int chosen = -1;
            double mostFreeCpu = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < plan.vmCountOn(h); i++) {
                int vm = plan.vmOn(h, i);
                if (plan.vmMigrating(vm) || !plan.isRunningVm(vm)
                        || plan.vmTasks(vm) >= plan.vmType(vm).taskSlots()) {
                    continue;
                }
                Resources free = plan.vmFreeForTasks(vm);
                if (free.fits(demand) && free.cpuMips() > mostFreeCpu) {
                    mostFreeCpu = free.cpuMips();
                    chosen = vm;
                }
            }
            if (chosen >= 0) {
                bestRank = rank;
                bestVm = chosen;
            }
        }
        return bestVm;
    }
}
