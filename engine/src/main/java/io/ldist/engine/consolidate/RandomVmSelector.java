package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.util.IntList;

import java.util.SplittableRandom;

/** Random selection (RS): any VM that may move, each equally likely, from the scenario's seeded generator. */
public final class RandomVmSelector implements VmSelector {
    private final SplittableRandom random;

    public RandomVmSelector(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int select(int host, PlanView plan) {
        IntList movable = plan.movableVms(host);
        return movable.isEmpty() ? -1 : movable.get(random.nextInt(movable.size()));
    }
}
