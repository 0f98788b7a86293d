package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.plan.Plan;

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
    private final UtilizationGroups.BoundCache boundCache = new UtilizationGroups.BoundCache();

    public Engine(FleetRules rules, List<DecisionStep> steps) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.steps = List.copyOf(steps);
    }

    public FleetRules rules() {
        return rules;
    }

    public List<DecisionStep> steps() {
        return steps;
    }

    public Plan decide(ClusterView view, Trigger trigger) {
        PlanningState plan = new PlanningState(view, rules, trigger, boundCache);
        Plan.Builder actions = new Plan.Builder(view.nowS());
        for (DecisionStep step : steps) {
            if (step.respondsTo(trigger)) {
                step.decide(plan, actions);
            }
        }
        return actions.build();
    }
}
