package io.ldist.engine.place;

import io.ldist.engine.decide.PlanningState;

/**
 * Where a VM should go, among the servers it fits on. A policy only ranks servers; {@link HostSearch} does
 * the filtering (state, VM limit, capacity, overload guard) and breaks ties by the lowest server index, so
 * every policy is deterministic.
 */
public interface PlacementPolicy {

    /** Whether a batch of VMs is placed largest first (the "decreasing" policies). */
    default boolean largestFirst() {
        return false;
    }

    /** Rank of server {@code host} for VM {@code vm}: lower is better. */
    double rank(int host, int vm, PlanningState plan);
}
