package io.ldist.engine.place;

import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.decide.PlanView;

/** The best server seen so far in a host search, by rank then index. */
final class BestHost {
    final int vm;
    final PlanView plan;
    final PlacementPolicy policy;
    final OverloadDetector guard;
    /** Whether the VM's soft affinity rules add to the policy's rank (then the search scans, not prunes). */
    final boolean softRules;
    double rank = Double.POSITIVE_INFINITY;
    int host = -1;
    /** Scratch for the pieces of a group's rise. */
    double[] cuts = new double[8];

    BestHost(int vm, PlanView plan, PlacementPolicy policy, OverloadDetector guard) {
        this.vm = vm;
        this.plan = plan;
        this.policy = policy;
        this.guard = guard;
        this.softRules = plan.hasSoftAffinity(vm);
    }

    /** Takes {@code h} as the best when it qualifies and ranks better; true when it did. */
    boolean consider(int h) {
        double r = policy.rank(h, vm, plan);
        if (softRules) {
            r += plan.softAffinityPenalty(h, vm) * policy.rankSpan(h, plan);
        }
        // The rank is cheap; fitting and the guard are not, so they wait until the server could win.
        return beats(h, r) && qualifies(h) && offer(h, r);
    }

    boolean beats(int h, double r) {
        return r < rank || (r == rank && h < host);
    }

    /** Whether the VM fits on {@code h} and the guard lets it go there. */
    boolean qualifies(int h) {
        return plan.fits(h, vm) && (guard == null || plan.placedVmCount(h) == 0 || !guard.isOverloaded(h, plan, vm));
    }

    /** Takes qualifying server {@code h}, of rank {@code r}, as the best when it ranks better. */
    boolean offer(int h, double r) {
        if (beats(h, r)) {
            rank = r;
            host = h;
            return true;
        }
        return false;
    }
}
