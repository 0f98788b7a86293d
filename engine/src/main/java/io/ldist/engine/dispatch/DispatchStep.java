package io.ldist.engine.dispatch;

import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.Plan;

/** Task dispatch as a step of a whole decision: every queued task is tried (see {@link TaskDispatcher}). */
public final class DispatchStep implements DecisionStep {
    private final TaskDispatcher dispatcher;

    public DispatchStep(TaskDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public DispatchStep(PlacementPolicy placement, HostGate gate) {
        this(new TaskDispatcher(placement, gate));
    }

    public TaskDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public boolean respondsTo(Trigger trigger) {
        return true;
    }

    @Override
    public void decide(PlanningState plan, Plan.Builder actions) {
        dispatcher.dispatchQueue(plan, actions);
    }
}
