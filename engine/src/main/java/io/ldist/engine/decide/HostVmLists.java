package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.util.IntList;

/**
 * Which VMs each server holds as planned: the view's list until the plan changes it, then a copy of it, so that a
 * plan copies the lists of the few servers it changes only.
 */
final class HostVmLists {
    private final ClusterView view;
    private final IntList[] changed;

    HostVmLists(ClusterView view) {
        this.view = view;
        this.changed = new IntList[view.hostCount()];
    }

    int count(int h) {
        IntList list = changed[h];
        return list != null ? list.size() : view.hostVmCount(h);
    }

    int get(int h, int i) {
        IntList list = changed[h];
        return list != null ? list.get(i) : view.hostVm(h, i);
    }

    /** The VMs on server {@code h} that may be moved: those not migrating already. */
    IntList movable(int h, PlannedVms vms) {
        IntList movable = new IntList();
        for (int i = 0, n = count(h); i < n; i++) {
            int vm = get(h, i);
            if (!vms.migrating[vm]) {
                movable.add(vm);
            }
        }
        return movable;
    }

    /** Server {@code h}'s list, to change: copied from the view the first time. */
    IntList changing(int h) {
        IntList list = changed[h];
        if (list == null) {
            int n = view.hostVmCount(h);
            list = new IntList(n + 2);
            for (int i = 0; i < n; i++) {
                list.add(view.hostVm(h, i));
            }
            changed[h] = list;
        }
        return list;
    }
}
