package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.update.RollingUpdateStep;
import io.ldist.engine.update.UpdateRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place where decisions are made. Both drivers call {@link #decide} with what they observe and apply
 * the {@link Plan} they get back; the engine performs nothing itself. Given the same sequence of views it
 * returns the same plans (steps that remember, like cooldowns and circuit breakers, remember only what
 * they were shown).
 */
public final class Engine {
    private final FleetRules rules;
    private final List<DecisionStep> steps;
    private final TaskPath taskPath;
    private final UtilizationGroups.BoundCache boundCache = new UtilizationGroups.BoundCache();

    /** An engine without a per-task path: every decision is a whole one. */
    public Engine(FleetRules rules, List<DecisionStep> steps) {
        this(rules, steps, null);
    }

    /** @param taskPath answers between whole decisions (the dispatch step's own), or null for none */
    public Engine(FleetRules rules, List<DecisionStep> steps, TaskPath taskPath) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.steps = List.copyOf(steps);
        this.taskPath = taskPath;
    }

    /**
     * What the engine remembers across decisions, step by step, as a value: a fresh engine of the same settings
     * given it by {@link #recall} decides from then on exactly as this one would. (The per-task path's index and
     * waiting tasks are not memory: they are read again from the next view.)
     */
    public EngineMemory remember() {
        List<Object> parts = new ArrayList<>(steps.size());
        for (DecisionStep step : steps) {
            parts.add(step.remember());
        }
        return new EngineMemory(parts);
    }

    /** Takes back the memory of an engine of the same settings (see {@link #remember}). */
    public void recall(EngineMemory memory) {
        if (memory.parts().size() != steps.size()) {
            throw new IllegalArgumentException("memory of an engine of " + memory.parts().size()
                    + " steps, this one has " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).recall(memory.parts().get(i));
        }
        if (taskPath != null) {
            taskPath.forgetIndex();
        }
    }

    /** True when {@link #dispatch} may be called. */
    public boolean hasTaskPath() {
        return taskPath != null;
    }

    /**
     * The per-task decision: only {@code changes} happened since the last decision (tasks arrived, ended or
     * were withdrawn; nothing else). Gives queued tasks to VMs from an index kept by deltas, in time that does
     * not grow with the fleet. Its plan holds task assignments and circuit breaker notes only.
     */
    public Plan dispatch(ClusterView view, TaskChanges changes) {
        if (taskPath == null) {
            throw new IllegalStateException("this engine has no per-task path; ask for a whole decision");
        }
        return taskPath.dispatch(view, changes);
    }

    /**
     * Asks for a rolling update; it starts at the next whole decision (after the updates asked for before it).
     *
     * @throws IllegalStateException when this engine was built without rolling updates
     */
    public void requestUpdate(UpdateRequest request) {
        for (DecisionStep step : steps) {
            if (step instanceof RollingUpdateStep updates) {
                updates.request(request);
                return;
            }
        }
        throw new IllegalStateException("this engine was built without rolling updates");
    }

    public FleetRules rules() {
        return rules;
    }

    public Plan decide(ClusterView view, Trigger trigger) {
        PlanningState plan = new PlanningState(view, rules, trigger, boundCache);
        Plan.Builder actions = new Plan.Builder(view.nowS());
        for (DecisionStep step : steps) {
            if (step.respondsTo(trigger)) {
                step.decide(plan, actions);
            }
        }
        Plan made = actions.build();
        if (taskPath != null) {
            taskPath.wholeDecisionMade(made);
        }
        return made;
    }
}
