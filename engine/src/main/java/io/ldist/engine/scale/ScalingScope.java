package io.ldist.engine.scale;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.pool.FleetPools;

import java.util.HashSet;
import java.util.Set;

/**
 * The servers, VMs and tasks one scaling step answers for: the whole fleet, or one pool of it (its servers, the
 * VMs of its template, and the tasks routed to it, {@link FleetPools#routesOf}). A pool scales on its own load
 * and within its own bounds.
 */
public final class ScalingScope {
    /** The whole fleet: every server, VM and task. */
    public static final ScalingScope WHOLE_FLEET = new ScalingScope(FleetPools.NONE, 0);

    private final FleetPools pools;
    private final int pool;

    private ScalingScope(FleetPools pools, int pool) {
        this.pools = pools;
        this.pool = pool;
    }

    /** Pool {@code pool} of {@code pools}. */
    public static ScalingScope pool(FleetPools pools, int pool) {
        if (pool < 0 || pool >= pools.pools().size()) {
            throw new IllegalArgumentException("no pool " + pool + " among " + pools.pools().size());
        }
        return new ScalingScope(pools, pool);
    }

    public boolean isWholeFleet() {
        return pools.isNone();
    }

    /** Whether server {@code h} is in scope. */
    public boolean holds(PlanView plan, int h) {
        return pools.isNone() || pools.poolOf(plan.hostType(h)) == pool;
    }

    /** Whether VM {@code v} is in scope. */
    public boolean ownsVm(PlanView plan, int v) {
        return pools.ownsVm(pool, plan.vmType(v));
    }

    /** Whether a queued task is in scope. */
    public boolean runs(TaskRequest task) {
        return pools.isNone() || pools.runs(pool, task.demand());
    }

    /** The queued tasks of the view in scope. */
    public int queuedTasks(ClusterView view) {
        int queued = view.queuedTaskCount();
        if (pools.isNone()) {
            return queued;
        }
        int mine = 0;
        for (int i = 0; i < queued; i++) {
            if (runs(view.queuedTask(i))) {
                mine++;
            }
        }
        return mine;
    }

    /**
     * Whether a task in scope still waits, once this decision's assignments are made, past the time by which its
     * tier wanted it started. Tasks without a wait objective (every task without tiers) never ask.
     */
    public boolean aTaskWaitsPastItsObjective(PlanningState plan, Plan.Builder actions) {
        ClusterView view = plan.view();
        double now = plan.nowS();
        Set<TaskId> assigned = null;
        for (int i = 0, queued = view.queuedTaskCount(); i < queued; i++) {
            TaskRequest task = view.queuedTask(i);
            if (!(task.startByS() < now) || !runs(task)) {
                continue;
            }
            if (assigned == null) {
                assigned = new HashSet<>();
                for (Action action : actions.actions()) {
                    if (action instanceof AssignTask a) {
                        assigned.add(a.task());
                    }
                }
            }
            if (!assigned.contains(task.id())) {
                return true;
            }
        }
        return false;
    }
}
