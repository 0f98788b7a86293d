package io.ldist.engine.place;

import io.ldist.engine.util.IntList;

import java.util.Arrays;
import java.util.Comparator;
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
        Integer[] order = new Integer[vms.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (policy.largestFirst()) {
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -size.applyAsDouble(vms.get(i))));
        }
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
