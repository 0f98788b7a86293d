package io.ldist.engine.place;

import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.decide.UtilizationGroups;

import java.util.function.IntPredicate;

/**
 * Finds the best server for a VM: among candidate servers not excluded, those the VM fits on (state, VM
 * limit, capacity, hard affinity rules) and that the overload guard would not call overloaded with the VM added,
 * the one the policy ranks lowest (plus the penalty of its soft affinity rules), ties to the lowest index.
 */
public final class HostSearch {
    private HostSearch() {
    }

    /**
     * @param excluded servers that must not receive the VM
     * @param emptyAllowed whether servers that hold no VM may be chosen (the underload phase never wakes one)
     * @param guard    overload detector that keeps VMs off servers they would overload, or null for none;
     *                 as in the study, a server that holds no VM is never refused by the guard (CloudSim tests
     *                 for no CPU in use instead, which also waves through servers whose VMs ask for nothing)
     * @return the chosen server, or -1 when none qualifies
     */
    public static int best(int vm, PlanView plan, PlacementPolicy policy, IntPredicate excluded,
                           OverloadDetector guard) {
        return best(vm, plan, policy, excluded, true, guard);
    }

    public static int best(int vm, PlanView plan, PlacementPolicy policy, IntPredicate excluded,
                           boolean emptyAllowed, OverloadDetector guard) {
        BestHost best = new BestHost(vm, plan, policy, guard);
        if (emptyAllowed) {
            plan.forEachEmptyRepresentative(h -> !excluded.test(h), best::consider);
        }
        UtilizationGroups groups = plan.utilizationGroups();
        // The pruned search bounds the policy's rank alone; a soft rule's penalty depends on each server's VMs.
        if (policy.ranksVmsByPowerRise() && groups.boundsHold() && !best.softRules) {
            if (plan.vmCpu(vm) == 0) {
                PowerRiseSearch.askingNothing(groups, excluded, best);
            } else {
                double ceiling = Math.min(1, guard == null ? 1 : guard.utilizationCeiling());
                PowerRiseSearch.groups(groups, plan.vmCpu(vm), ceiling, excluded, best);
            }
        } else {
            plan.forEachOccupied(h -> !excluded.test(h), best::consider);
        }
        return best.host;
    }
}
