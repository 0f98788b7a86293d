package io.ldist.engine.decide;

import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.pool.FleetPools;

import java.util.Objects;

/**
 * Rules every placement obeys, whatever the policy.
 *
 * @param maxVmsPerHost most VMs one server may hold ({@link Integer#MAX_VALUE} for no limit)
 * @param sizing        how running VMs are sized when planning
 * @param disruption    how many servers consolidation and scale-in may disrupt at once, or null for no limit
 * @param affinity      groups of VMs kept together or apart ({@link AffinityRules#NONE} for none)
 * @param pools         the pools the fleet is divided into: a server holds its own pool's VMs only
 *                      ({@link FleetPools#NONE} for one fleet)
 */
public record FleetRules(int maxVmsPerHost, VmSizing sizing, DisruptionBudget disruption, AffinityRules affinity,
                         FleetPools pools) {
    public static final int NO_VM_LIMIT = Integer.MAX_VALUE;

    /** Rules without a disruption budget (any number of servers may be emptied at once). */
    public FleetRules(int maxVmsPerHost, VmSizing sizing) {
        this(maxVmsPerHost, sizing, null);
    }

    /** Rules without affinity groups. */
    public FleetRules(int maxVmsPerHost, VmSizing sizing, DisruptionBudget disruption) {
        this(maxVmsPerHost, sizing, disruption, AffinityRules.NONE);
    }

    /** Rules of a fleet without pools. */
    public FleetRules(int maxVmsPerHost, VmSizing sizing, DisruptionBudget disruption, AffinityRules affinity) {
        this(maxVmsPerHost, sizing, disruption, affinity, FleetPools.NONE);
    }

    /** The same rules with {@code groups} as the affinity groups. */
    public FleetRules withAffinity(AffinityRules groups) {
        return new FleetRules(maxVmsPerHost, sizing, disruption, groups, pools);
    }

    /** The same rules over {@code fleetPools}. */
    public FleetRules withPools(FleetPools fleetPools) {
        return new FleetRules(maxVmsPerHost, sizing, disruption, affinity, fleetPools);
    }

    public FleetRules {
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(affinity, "affinity");
        Objects.requireNonNull(pools, "pools");
        if (maxVmsPerHost < 1) {
            throw new IllegalArgumentException("maxVmsPerHost must be >= 1, was " + maxVmsPerHost);
        }
    }
}
