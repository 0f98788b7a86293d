package io.ldist.engine.provision;

import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementOrder;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.util.IntList;

/**
 * Places VMs that wait for a server: those of a trace at the start of a run, and those a failover could not
 * place at once. A VM that fits nowhere keeps waiting (and counts as unplaced until it gets a server).
 */
public final class PendingVmStep implements DecisionStep {
    private final PlacementPolicy placement;
    private final OverloadDetector guard;

    /** @param guard keeps VMs off servers it would overload; null for none */
    public PendingVmStep(PlacementPolicy placement, OverloadDetector guard) {
        this.placement = placement;
        this.guard = guard;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.CAPACITY_FREED || trigger == Trigger.HEALTH_CHECK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        IntList pending = new IntList();
        for (int v = 0; v < plan.view().vmCount(); v++) {
            if (plan.view().vmStatus(v) == VmStatus.PENDING && plan.vmHost(v) < 0) {
                pending.add(v);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        for (int position : PlacementOrder.of(pending, placement, plan::vmCpu)) {
            int vm = pending.get(position);
            int host = HostSearch.best(vm, plan, placement, h -> false, guard);
            if (host >= 0) {
                Moves.start(vm, host, Reason.INITIAL_PLACEMENT, plan, actions);
            }
        }
    }
}
