package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.plan.Plan;

/**
 * The per-task speed of decision: between whole decisions, when only tasks arrived, ended or were withdrawn,
 * the engine answers from an index kept by deltas instead of planning over the whole fleet.
 */
public interface TaskPath {

    /** The plan (task assignments only) for what {@code changes} says happened since the last decision. */
    Plan dispatch(ClusterView view, TaskChanges changes);

    /** Reads everything again from the next view (the engine's memory was replaced). */
    void forgetIndex();

    /** Told the plan of each whole decision, before the driver applies it. */
    default void wholeDecisionMade(Plan plan) {
    }
}
