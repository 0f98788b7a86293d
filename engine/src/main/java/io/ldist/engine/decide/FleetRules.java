package io.ldist.engine.decide;

import java.util.Objects;

/**
 * Rules every placement obeys, whatever the policy.
 *
 * @param maxVmsPerHost most VMs one server may hold ({@link Integer#MAX_VALUE} for no limit)
 * @param sizing        how running VMs are sized when planning
 * @param disruption    how many servers consolidation and scale-in may disrupt at once, or null for no limit
 */
public record FleetRules(int maxVmsPerHost, VmSizing sizing, DisruptionBudget disruption) {
    public static final int NO_VM_LIMIT = Integer.MAX_VALUE;

    /** Rules without a disruption budget (any number of servers may be emptied at once). */
    public FleetRules(int maxVmsPerHost, VmSizing sizing) {
        this(maxVmsPerHost, sizing, null);
    }

    public FleetRules {
        Objects.requireNonNull(sizing, "sizing");
        if (maxVmsPerHost < 1) {
            throw new IllegalArgumentException("maxVmsPerHost must be >= 1, was " + maxVmsPerHost);
        }
    }
}
