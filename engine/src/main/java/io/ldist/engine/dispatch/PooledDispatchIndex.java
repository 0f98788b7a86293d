package io.ldist.engine.dispatch;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.Resources;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.util.IntList;

/**
 * One {@link DispatchIndex} per pool of the fleet (one in all for a fleet without pools), so that a task is
 * chosen a VM among the pools it is routed to ({@link FleetPools#routesOf}) only. A task routed to several pools
 * goes where a scan over all their servers would send it: the best rank, ties to the lowest server index.
 */
final class PooledDispatchIndex {
    private final FleetPools pools;
    private final DispatchIndex[] indexes;
    private final double[] room = new double[3];
    /** The index of the VM last chosen (null when none was). */
    private DispatchIndex chosen;

    PooledDispatchIndex(PlacementPolicy placement, FleetPools pools) {
        this.pools = pools;
        this.indexes = new DispatchIndex[pools.routeCount()];
        for (int p = 0; p < indexes.length; p++) {
            indexes[p] = new DispatchIndex(placement, pools, p);
        }
    }

    void load(PlanningState plan, HostGate gate) {
        for (DispatchIndex index : indexes) {
            index.load(plan, gate);
        }
    }

    void load(ClusterView view, HostGate gate) {
        for (DispatchIndex index : indexes) {
            index.load(view, gate);
        }
    }

    void refresh(int h, ClusterView view) {
        for (DispatchIndex index : indexes) {
            index.refresh(h, view);
        }
    }

    void gateChanged(int h) {
        for (DispatchIndex index : indexes) {
            index.gateChanged(h);
        }
    }

    int hostCount() {
        return indexes[0].hostCount();
    }

    /** The VM a task asking for {@code demand} should run on, or -1 when none of its pools has room. */
    int choose(Resources demand) {
        if (indexes.length == 1) {
            chosen = indexes[0];
            return chosen.choose(demand);
        }
        chosen = null;
        int best = -1;
        int routes = pools.routesOf(demand);
        for (int p = 0; p < indexes.length; p++) {
            if ((routes & (1 << p)) == 0) {
                continue;
            }
            int vm = indexes[p].choose(demand);
            if (vm >= 0 && (chosen == null || indexes[p].chosenRank() < chosen.chosenRank()
                    || (indexes[p].chosenRank() == chosen.chosenRank()
                        && indexes[p].chosenHost() < chosen.chosenHost()))) {
                chosen = indexes[p];
                best = vm;
            }
        }
        return best;
    }

    /** The server of the VM last chosen. */
    int chosenHost() {
        return chosen == null ? -1 : chosen.chosenHost();
    }

    /** Records that a task with {@code demand} starts on {@code vm}, the VM last chosen. */
    void assign(int vm, Resources demand) {
        chosen.assign(vm, demand);
    }

    /** The most room any one VM with a free slot has on the given servers, per resource, over every pool. */
    double[] room(IntList hosts) {
        if (indexes.length == 1) {
            return indexes[0].room(hosts);
        }
        clearRoom();
        for (DispatchIndex index : indexes) {
            widenRoom(index.room(hosts));
        }
        return room;
    }

    /** The most room any one VM with a free slot has, per resource, over every pool. */
    double[] roomAnywhere() {
        if (indexes.length == 1) {
            return indexes[0].roomAnywhere();
        }
        clearRoom();
        for (DispatchIndex index : indexes) {
            widenRoom(index.roomAnywhere());
        }
        return room;
    }

    private void clearRoom() {
        room[0] = Double.NEGATIVE_INFINITY;
        room[1] = Double.NEGATIVE_INFINITY;
        room[2] = Double.NEGATIVE_INFINITY;
    }

    private void widenRoom(double[] r) {
        room[0] = Math.max(room[0], r[0]);
        room[1] = Math.max(room[1], r[1]);
        room[2] = Math.max(room[2], r[2]);
    }
}
