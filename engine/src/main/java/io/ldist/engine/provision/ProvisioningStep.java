package io.ldist.engine.provision;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Moves;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostState;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.pool.FleetPools;

/**
 * Fills every active server up to the fleet's VM template with new VMs, so that capacity launched by scaling
 * (or freed by a failover) becomes VMs that can take tasks. In a fleet of pools each server gets its own
 * pool's template.
 */
public final class ProvisioningStep implements DecisionStep {
    private final VmTemplate template;
    private final FleetPools pools;

    public ProvisioningStep(VmTemplate template) {
        this(template, FleetPools.NONE);
    }

    /** @param template the VMs of a fleet without pools (null with pools) */
    public ProvisioningStep(VmTemplate template, FleetPools pools) {
        this.template = template;
        this.pools = pools;
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
            VmTemplate own = pools.isNone() ? template : pools.templateOf(plan.hostType(h));
            while (own != null && plan.placedVmCount(h) < own.perHost()) {
                int vm = plan.createVm(own.type());
                if (!plan.fits(h, vm)) {
                    plan.discardNewVm(vm);
                    break;
                }
                Moves.start(vm, h, Reason.PROVISION, plan, actions);
            }
        }
    }
}
