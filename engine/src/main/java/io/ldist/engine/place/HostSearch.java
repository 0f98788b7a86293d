package io.ldist.engine.place;

import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.UtilizationGroups;
import io.ldist.engine.util.IntList;

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
     * @param emptyAllowed whether servers that hold no VM may be chosen (the underload phase never wakes one)
     * @param guard    overload detector that keeps VMs off servers they would overload, or null for none;
     *                 as in the study, a server that holds no VM is never refused by the guard (CloudSim tests
     *                 for no CPU in use instead, which also waves through servers whose VMs ask for nothing)
     * @return the chosen server, or -1 when none qualifies
     */
    public static int best(int vm, PlanningState plan, PlacementPolicy policy, IntPredicate excluded,
                           OverloadDetector guard) {
        return best(vm, plan, policy, excluded, true, guard);
    }

    public static int best(int vm, PlanningState plan, PlacementPolicy policy, IntPredicate excluded,
                           boolean emptyAllowed, OverloadDetector guard) {
        Best best = new Best(vm, plan, policy, guard);
        if (emptyAllowed) {
            plan.forEachEmptyRepresentative(h -> !excluded.test(h), best::consider);
        }
        UtilizationGroups groups = plan.utilizationGroups();
        if (policy instanceof PowerAwareBestFitDecreasingPlacementPolicy && groups.boundsHold()) {
            double ceiling = Math.min(1, guard == null ? 1 : guard.utilizationCeiling());
            searchGroups(groups, plan.vmCpu(vm), ceiling, excluded, best);
        } else {
            plan.forEachOccupied(h -> !excluded.test(h), best::consider);
        }
        return best.host;
    }

    /**
     * Looks at the groups of occupied servers by increasing lower bound of the power rise (on the comparison
     * grid), skipping every group that cannot hold a server as good as the best found. Within a group servers
     * come by increasing index, so the scan of a group ends at the first server that reaches the group's
     * bound, or once indexes pass the best server's with the bound no better than its rise: the same server
     * as looking at all.
     */
    private static void searchGroups(UtilizationGroups groups, double vmMips, double ceiling, IntPredicate excluded,
                                     Best best) {
        int count = 0;
        int[] order = groups.searchOrder();
        double[] bound = groups.searchBound();
        IntList occupied = groups.occupiedGroups();
        for (int i = 0; i < occupied.size(); i++) {
            int g = occupied.get(i);
            if (!groups.tooFull(g, vmMips, ceiling)) {
                bound[g] = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(groups.lowerBound(g, vmMips, ceiling));
                order[count++] = g;
            }
        }
        // Levels (groups of equal bound) are taken from the smallest, as needed: most searches end after a few.
        int from = 0;
        while (from < count) {
            double level = Double.POSITIVE_INFINITY;
            for (int i = from; i < count; i++) {
                level = Math.min(level, bound[order[i]]);
            }
            if (level > best.rank) {
                return;
            }
            int to = from;
            for (int i = from; i < count; i++) {
                if (bound[order[i]] == level) {
                    int g = order[i];
                    order[i] = order[to];
                    order[to++] = g;
                }
            }
            int untouched = from;
            for (int i = from; i < to; i++) {
                int g = order[i];
                if (groups.isTouched(g)) {
                    scanTouched(groups, g, groups.slopeBound(g, vmMips, ceiling), excluded, best);
                } else {
                    order[i] = order[untouched];
                    order[untouched++] = g;
                }
            }
            scanLevel(groups, order, from, untouched, level, excluded, best);
            if (best.rank == level) {
                return; // no group left can rise less, and this level's lowest index is found
            }
            from = to;
        }
    }

    /**
     * Scans a touched group by increasing offset: a server's rise is at least the group's slope bound plus
     * its own offset, so the scan ends once that exceeds the best rise.
     */
    private static void scanTouched(UtilizationGroups groups, int g, double slopeBound, IntPredicate excluded,
                                    Best best) {
        IntList members = groups.members(g);
        for (int j = 0; j < members.size(); j++) {
            int h = members.get(j);
            double least = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(slopeBound + groups.offset(h));
            if (least > best.rank) {
                return;
            }
            if (!excluded.test(h)) {
                best.consider(h);
            }
        }
    }

    /**
     * Scans the untouched groups {@code order[from..to)}, which share the bound {@code level}, together by
     * increasing server index, until a server reaches the bound (none after it can beat it) or indexes pass the best
     * server's while the bound is no better than its rise.
     */
    private static void scanLevel(UtilizationGroups groups, int[] order, int from, int to, double level,
                                  IntPredicate excluded, Best best) {
        int width = to - from;
        int[] next = new int[width];
        while (true) {
            int pick = -1;
            int host = Integer.MAX_VALUE;
            for (int k = 0; k < width; k++) {
                IntList members = groups.members(order[from + k]);
                if (next[k] < members.size() && members.get(next[k]) < host) {
                    host = members.get(next[k]);
                    pick = k;
                }
            }
            if (pick < 0) {
                return;
            }
            next[pick]++;
            if (best.host >= 0 && host > best.host && level >= best.rank) {
                return; // later servers cannot rise less than the best
            }
            if (!excluded.test(host) && best.consider(host) && best.rank == level) {
                return; // the lowest index reaching the bound
            }
        }
    }

    /** The best server seen so far, by rank then index. */
    private static final class Best {
        final int vm;
        final PlanningState plan;
        final PlacementPolicy policy;
        final OverloadDetector guard;
        double rank = Double.POSITIVE_INFINITY;
        int host = -1;

        Best(int vm, PlanningState plan, PlacementPolicy policy, OverloadDetector guard) {
            this.vm = vm;
            this.plan = plan;
            this.policy = policy;
            this.guard = guard;
        }

        /** Takes {@code h} as the best when it qualifies and ranks better; true when it did. */
        boolean consider(int h) {
            if (!plan.fits(h, vm)) {
                return false;
            }
            if (guard != null && plan.placedVmCount(h) > 0 && guard.isOverloaded(h, plan, vm)) {
                return false;
            }
            double r = policy.rank(h, vm, plan);
            if (r < rank || (r == rank && h < host)) {
                rank = r;
                host = h;
                return true;
            }
            return false;
        }
    }
}
