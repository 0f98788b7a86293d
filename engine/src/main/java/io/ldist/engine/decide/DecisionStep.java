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
}
