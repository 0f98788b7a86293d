package io.ldist.live.record;

import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.BreakerChanged;
import io.ldist.engine.plan.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the lines a recording keeps and a replay compares: each action as its record prints it (every field,
 * the types' full specifications included), then each circuit breaker change. Two plans are the same decision
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
        return lines;
    }
}
