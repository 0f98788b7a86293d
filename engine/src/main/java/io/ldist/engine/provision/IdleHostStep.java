package io.ldist.engine.provision;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.StopHost;

/**
 * Switches off active servers that hold no VM and will receive none: an idle server only costs. A server the
 * plan empties by migrations is drained instead, and stops once its last VM has left.
 */
public final class IdleHostStep implements DecisionStep {

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE || plan.placedVmCount(h) > 0 || plan.resumePlanned(h)
                    || plan.heldForUpdate(h)) {
                continue;
            }
            if (plan.view().hostVmCount(h) == 0) {
                plan.setHostState(h, HostState.STANDBY);
                actions.add(new StopHost(HostId.of(h), Reason.IDLE));
            } else {
                plan.setHostState(h, HostState.DRAINING);
                actions.add(new DrainHost(HostId.of(h), DrainHost.AfterDrain.STOP, Reason.IDLE));
            }
        }
    }
}
