package io.ldist.engine.decide;

import java.util.Objects;

/**
 * Rules every placement obeys, whatever the policy.
 *
 * @param maxVmsPerHost most VMs one server may hold ({@link Integer#MAX_VALUE} for no limit)
 * @param sizing        how running VMs are sized when planning
 */
public record FleetRules(int maxVmsPerHost, VmSizing sizing) {
    public static final int NO_VM_LIMIT = Integer.MAX_VALUE;

    public FleetRules {
        Objects.requireNonNull(sizing, "sizing");
        if (maxVmsPerHost < 1) {
            throw new IllegalArgumentException("maxVmsPerHost must be >= 1, was " + maxVmsPerHost);
        }
    }
}
