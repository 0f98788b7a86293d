package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.UpdateHost;

import java.util.Set;
import java.util.TreeSet;

/**
 * How many servers may be disrupted at once: draining (a rolling update's batch included), out of service for an
 * update, or giving up a VM by a migration for any reason but a failover (refusing failovers because servers are failing would make matters worse). The
 * engine plans within it (consolidation and scale-in start no disruption beyond it) and live mode's plan guard
 * checks every plan against it with the same count, so that a plan the engine makes is never refused for it.
 *
 * @param share  of the active (and draining) servers, in (0, 1]; at least one server may always be disrupted
 * @param atMost servers at most whatever the share allows, or 0 for no such cap
 */
public record DisruptionBudget(double share, int atMost) {
    public DisruptionBudget {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a disruption budget's share must be in (0, 100 %], was " + share);
        }
        if (atMost < 0) {
            throw new IllegalArgumentException("a disruption budget's atMost must be >= 0 (0: none), was " + atMost);
        }
    }

    /** Servers that may be disrupted at once among {@code activeHosts} active or draining ones. */
    public int allowed(int activeHosts) {
        int byShare = Math.max(1, (int) Math.floor(share * activeHosts + 1e-9));
        return atMost > 0 ? Math.min(byShare, atMost) : byShare;
    }

    /** Active, draining or updating servers in the view: what the share is of. */
    public static int activeHosts(ClusterView view) {
        int active = 0;
        for (int h = 0; h < view.hostCount(); h++) {
            HostState state = view.hostState(h);
            active += state == HostState.ACTIVE || state == HostState.DRAINING || state == HostState.UPDATING ? 1 : 0;
        }
        return active;
    }

    /** Whether server {@code h} is disrupted in the view: draining, updating, or a VM migrating off it. */
    public static boolean disruptedInView(ClusterView view, int h) {
        if (view.hostState(h) == HostState.DRAINING || view.hostState(h) == HostState.UPDATING) {
            return true;
        }
        for (int i = 0; i < view.hostVmCount(h); i++) {
            if (view.vmStatus(view.hostVm(h, i)) == VmStatus.MIGRATING) {
                return true;
            }
        }
        return false;
    }

    /** The servers disrupted once the plan is applied to the view, by the rule above. */
    public static Set<Integer> disruptedHosts(ClusterView view, Plan plan) {
        Set<Integer> disrupted = new TreeSet<>();
        for (int h = 0; h < view.hostCount(); h++) {
            if (disruptedInView(view, h)) {
                disrupted.add(h);
            }
        }
        for (Action action : plan.actions()) {
            if (action instanceof DrainHost a) {
                disrupted.add(a.host().index());
            } else if (action instanceof UpdateHost a) {
                disrupted.add(a.host().index());
            } else if (action instanceof MigrateVm a && a.reason() != Reason.FAILOVER) {
                disrupted.add(a.from().index());
            }
        }
        return disrupted;
    }
}
