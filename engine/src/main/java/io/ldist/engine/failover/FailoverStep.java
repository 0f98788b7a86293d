package io.ldist.engine.failover;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.place.HostSearch;
import io.ldist.engine.place.PlacementOrder;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.util.IntList;

/**
 * Declares a server failed once it has missed {@code missedChecks} health checks in a row, fences it off, and
 * places its VMs again on healthy servers (largest first when the policy asks). VMs that fit nowhere wait;
 * threshold scaling, or without it {@link FailoverCapacityStep}, sees them and brings capacity. What happens to
 * the tasks of the lost VMs (restart from scratch, or resume from their progress) is the executor's part, set
 * per scenario.
 */
public final class FailoverStep implements DecisionStep {
    private final int missedChecks;
    private final PlacementPolicy placement;

    public FailoverStep(int missedChecks, PlacementPolicy placement) {
        if (missedChecks < 1) {
            throw new IllegalArgumentException("missed health checks before failover must be >= 1, was " + missedChecks);
        }
        this.missedChecks = missedChecks;
        this.placement = placement;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        IntList displaced = new IntList();
        for (int h = 0; h < plan.hostCount(); h++) {
            HostState state = plan.hostState(h);
            if ((state == HostState.ACTIVE || state == HostState.DRAINING)
                    && plan.view().missedHealthChecks(h) >= missedChecks) {
                actions.add(new FenceHost(HostId.of(h), Reason.FAILOVER));
                plan.setHostState(h, HostState.FAILED);
                while (plan.vmCountOn(h) > 0) {
                    int vm = plan.vmOn(h, 0);
                    plan.remove(vm);
                    displaced.add(vm);
                }
            }
        }
        for (int position : PlacementOrder.of(displaced, placement, plan::vmCpu)) {
            int vm = displaced.get(position);
            int target = HostSearch.best(vm, plan, placement, h -> false, null);
            if (target >= 0) {
                Moves.start(vm, target, Reason.FAILOVER, plan, actions);
            }
        }
    }
}
