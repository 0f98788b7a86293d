package io.ldist.live.loop;

import io.ldist.engine.decide.EngineMemory;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.plan.Plan;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveTask;

import java.util.List;

/**
 * Told of every round after it, and (the recorder listens to these) of each engine call with the view it was given,
 * before its plan is checked or applied, and of each task's end. Called under the distributor's lock.
 */
public interface RoundListener {
    void roundDone(LiveFleet fleet, long epochMs, Plan plan, List<ActionOutcome> outcomes);

    /** On {@link LiveDistributor#addListener}: what the engine remembers then, at driver time {@code nowS}. */
    default void attached(EngineMemory memory, double nowS) {
    }

    /** A whole decision was made from {@code view}. */
    default void decided(ClusterView view, Trigger trigger, Plan plan) {
    }

    /** A per-task decision was made from {@code view} and {@code changes}. */
    default void dispatched(ClusterView view, TaskChanges changes, Plan plan) {
    }

    default void taskEnded(LiveTask task) {
    }
}
