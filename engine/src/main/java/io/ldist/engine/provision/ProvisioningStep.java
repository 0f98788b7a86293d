package io.ldist.engine.provision;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostState;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;

/**
 * Fills every active server up to the fleet's VM template with new VMs, so that capacity launched by scaling
 * (or freed by a failover) becomes VMs that can take tasks.
 */
public final class ProvisioningStep implements DecisionStep {
    private final VmTemplate template;

    public ProvisioningStep(VmTemplate template) {
        this.template = template;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return trigger == Trigger.TICK || trigger == Trigger.CAPACITY_FREED || trigger == Trigger.HEALTH_CHECK;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        for (int h = 0; h < plan.hostCount(); h++) {
            if (plan.hostState(h) != HostState.ACTIVE) {
                continue;
            }
            while (plan.placedVmCount(h) < template.perHost()) {
                int vm = plan.createVm(template.type());
                if (!plan.fits(h, vm)) {
                    plan.discardNewVm(vm);
                    break;
                }
                Moves.start(vm, h, Reason.PROVISION, plan, actions);
            }
        }
    }
}
