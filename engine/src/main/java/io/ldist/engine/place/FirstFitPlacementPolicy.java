package io.ldist.engine.place;

import io.ldist.engine.decide.PlanningState;

/** The first server (lowest index) the VM fits on. */
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
    public double rank(int host, int vm, PlanningState plan) {
        return 0;
    }
}
