package io.ldist.engine.score;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;

import java.util.function.IntPredicate;

/**
 * How loaded a server (or the fleet) is, as one figure: 0 is idle and 1 full (a backlog may push the fleet
 * above 1). The least-loaded server is the one with the lowest load; the fleet's load drives threshold scaling.
 */
public interface Scorer {

    double load(LoadTotals totals);

    default double hostLoad(int host, HostLoads plan) {
        return load(LoadTotals.ofHost(host, plan));
    }

    /** Load of all active servers, counting {@code queuedTasks} waiting tasks as requests. */
    default double fleetLoad(PlanView plan, int queuedTasks) {
        return load(LoadTotals.ofActiveHosts(plan, queuedTasks));
    }

    /** Load of the active servers {@code hosts} accepts (one pool's), counting {@code queuedTasks} as requests. */
    default double fleetLoad(PlanView plan, int queuedTasks, IntPredicate hosts) {
        return load(LoadTotals.ofActiveHosts(plan, queuedTasks, hosts));
    }
}
