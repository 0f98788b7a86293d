package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.Resources;
import io.ldist.engine.score.Scorer;

/** The server with the lowest load score (the default: spreads load, keeps headroom everywhere). */
public final class LeastLoadedPlacementPolicy implements PlacementPolicy {
    private final Scorer scorer;

    public LeastLoadedPlacementPolicy(Scorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public double rank(int host, int vm, PlanView plan) {
        return scorer.hostLoad(host, plan);
    }

    @Override
    public double rankForTask(int host, Resources demand, HostLoads plan) {
        return scorer.hostLoad(host, plan);
    }

    /** The rank does not depend on the task, so it bounds itself. */
    @Override
    public TaskRankBounds taskRankBounds() {
        return TaskRankBounds.taskIndependent(this);
    }
}
