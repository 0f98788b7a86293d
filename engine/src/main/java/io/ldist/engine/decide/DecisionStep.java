package io.ldist.engine.decide;

import io.ldist.engine.plan.Plan;

/**
 * One stage of a decision (failover, placement, dispatch, consolidation, scaling, ...). Steps run in a fixed
 * order; each sees the plan as earlier steps left it, records its choices in the {@link PlanningState} and
 * adds its actions to the plan.
 */
public interface DecisionStep {

    boolean respondsTo(Trigger trigger);

    void decide(PlanningState plan, Plan.Builder actions);

    /**
     * What this step remembers across decisions (a window of samples, cooldowns, circuit breakers), as a value
     * that shares nothing with the step, or null for a step that remembers nothing. A driver keeps it (a live
     * adapter in its journal) to carry the engine's memory across a restart.
     */
    default Object remember() {
        return null;
    }

    /** Takes back what {@link #remember} gave, on a fresh step of the same settings. */
    default void recall(Object memory) {
        if (memory != null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " remembers nothing, given " + memory);
        }
    }
}
