package io.ldist.engine.place;

import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.decide.PlanningState;

import java.util.function.IntPredicate;

/**
 * Finds the best server for a VM: among candidate servers not excluded, those the VM fits on (state, VM
 * limit, capacity) and that the overload guard would not call overloaded with the VM added, the one the
 * policy ranks lowest, ties to the lowest index.
 */
public final class HostSearch {
    private HostSearch() {
    }

    /**
     * @param excluded servers that must not receive the VM
     * @param guard    overload detector that keeps VMs off servers they would overload, or null for none;
     *                 as in the study, a server that holds no VM is never refused by the guard (CloudSim tests
     *                 for no CPU in use instead, which also waves through servers whose VMs ask for nothing)
     * @return the chosen server, or -1 when none qualifies
     */
    public static int best(int vm, PlanningState plan, PlacementPolicy policy, IntPredicate excluded,
                           OverloadDetector guard) {
        Best best = new Best();
        plan.forEachCandidate(h -> !excluded.test(h), h -> {
            if (!plan.fits(h, vm)) {
                return;
            }
            if (guard != null && plan.placedVmCount(h) > 0 && guard.isOverloaded(h, plan, vm)) {
                return;
            }
            double rank = policy.rank(h, vm, plan);
            if (rank < best.rank || (rank == best.rank && h < best.host)) {
                best.rank = rank;
                best.host = h;
            }
        });
        return best.host;
    }

    private static final class Best {
        double rank = Double.POSITIVE_INFINITY;
        int host = -1;
    }
}
