package io.ldist.engine.provision;

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
 * place at once (placed with the reason FAILOVER, so events.csv shows when a failover completes). A VM that
 * fits nowhere keeps waiting (and counts as unplaced until it gets a server).
 * <p>
 * Only capacity limits where a waiting VM goes, not the overload detector: a VM is placed at its full
 * reservation, which must fit, while a detector judges measured load, and placing it is what starts its
 * measurement. (CloudSim 3.0.3 places the study's VMs the same way; guarding them with the detector's
 * fallback threshold on full reservations would leave the big VMs of most PlanetLab days without a server.)
 */
public final class PendingVmStep implements DecisionStep {
    private final PlacementPolicy placement;

    public PendingVmStep(PlacementPolicy placement) {
        this.placement = placement;
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
            int host = HostSearch.best(vm, plan, placement, h -> false, null);
            if (host >= 0) {
                Reason reason = plan.view().vmDisplaced(vm) ? Reason.FAILOVER : Reason.INITIAL_PLACEMENT;
                Moves.start(vm, host, reason, plan, actions);
            }
        }
    }
}
