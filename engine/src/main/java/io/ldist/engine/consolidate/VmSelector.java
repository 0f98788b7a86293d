package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.util.IntList;

import java.util.function.IntToDoubleFunction;

/** Picks which VM leaves an overloaded server. */
public interface VmSelector {

    /** A VM on {@code host} (as planned) that may move, never one already migrating; -1 when none. */
    int select(int host, PlanView plan);

    /** The VM with the smallest {@code metric}, the first in list order on a tie; -1 for an empty list. */
    static int least(IntList vms, IntToDoubleFunction metric) {
        int chosen = -1;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vms.size(); i++) {
            double value = metric.applyAsDouble(vms.get(i));
            if (value < least) {
                least = value;
                chosen = vms.get(i);
            }
        }
        return chosen;
    }
}
