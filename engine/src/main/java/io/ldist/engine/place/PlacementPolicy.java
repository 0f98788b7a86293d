package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.Resources;

/**
 * Where a VM should go, among the servers it fits on, and which server a task should run on. A policy only
 * ranks servers; {@link HostSearch} and task dispatch do the filtering (state, VM limit, capacity, overload
 * guard, free task slots) and break ties by the lowest server index, so every policy is deterministic.
 */
public interface PlacementPolicy {

    /**
     * The difference of rank a soft affinity rule of weight 1 outweighs on server {@code host}: about the widest
     * difference the policy makes between two servers for one VM, so that a rule's weight means the same under
     * every policy. One suits ranks that are shares; a policy ranking in other units says its own.
     */
    default double rankSpan(int host, PlanView plan) {
        return 1;
    }

    /** Whether a batch of VMs is placed largest first (the "decreasing" policies). */
    default boolean largestFirst() {
        return false;
    }

    /** Rank of server {@code host} for VM {@code vm}: lower is better. */
    double rank(int host, int vm, PlanView plan);

    /**
     * Rank of server {@code host} for a task asking for {@code demand}, lower is better: the same idea as for
     * a VM, on the load the server's tasks put on it rather than on its VMs' reservations.
     */
    double rankForTask(int host, Resources demand, HostLoads plan);

    /**
     * True when {@link #rank} is the rise of a server's power from its measured draw (as power-aware best fit
     * ranks VMs): the host search may then use its grouped, pruned search over power curves instead of a scan.
     */
    default boolean ranksVmsByPowerRise() {
        return false;
    }

    /** How the dispatch index may bound this policy's task ranks over groups of servers (none by default). */
    default TaskRankBounds taskRankBounds() {
        return TaskRankBounds.NONE;
    }
}
