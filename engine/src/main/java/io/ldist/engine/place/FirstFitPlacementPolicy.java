package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.Resources;

/** The first server (lowest index) the VM or task fits on: packs work onto few servers. */
public final class FirstFitPlacementPolicy implements PlacementPolicy {
    private final boolean largestFirst;

    /** @param largestFirst true for first-fit-decreasing */
    public FirstFitPlacementPolicy(boolean largestFirst) {
        this.largestFirst = largestFirst;
    }

    @Override
    public boolean largestFirst() {
        return largestFirst;
    }

    @Override
    public double rank(int host, int vm, PlanView plan) {
        return 0;
    }

    @Override
    public double rankForTask(int host, Resources demand, HostLoads plan) {
        return 0;
    }

    /** The rank does not depend on the task, so it bounds itself. */
    @Override
    public TaskRankBounds taskRankBounds() {
        return TaskRankBounds.taskIndependent(this);
    }
}
