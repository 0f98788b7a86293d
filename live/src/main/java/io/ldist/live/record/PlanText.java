package io.ldist.live.record;

import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.BreakerChanged;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.ScalingAdvice;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the lines a recording keeps and a replay compares: each action as its record prints it (every field,
 * the types' full specifications included), then each circuit breaker change, then the advice given. Two plans are the same decision
 * exactly when their lines are equal.
 */
final class PlanText {
    private PlanText() {
    }

    static List<String> lines(Plan plan) {
        List<String> lines = new ArrayList<>(plan.actions().size() + plan.breakerChanges().size());
        for (Action action : plan.actions()) {
            lines.add(action.toString());
        }
        for (BreakerChanged change : plan.breakerChanges()) {
            lines.add(change.toString());
        }
        for (ScalingAdvice advice : plan.advice()) {
            lines.add(advice.toString());
        }
        return lines;
    }
}
