package io.ldist.engine.place;

import io.ldist.engine.util.IntList;
import io.ldist.engine.util.StableOrder;

import java.util.function.IntToDoubleFunction;

/** The order a batch of VMs is placed in: largest first for the "decreasing" policies, as given otherwise. */
public final class PlacementOrder {
    private PlacementOrder() {
    }

    /**
     * Positions in {@code vms} in placement order; the sort is stable, so VMs of equal size keep their order.
     *
     * @param size how large a VM is (its CPU, by the caller's measure)
     */
    public static int[] of(IntList vms, PlacementPolicy policy, IntToDoubleFunction size) {
        if (policy.largestFirst()) {
            return StableOrder.byKey(vms.size(), i -> -size.applyAsDouble(vms.get(i)));
        }
        int[] order = new int[vms.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}
