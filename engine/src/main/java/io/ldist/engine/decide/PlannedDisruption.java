package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;

/**
 * The fleet's {@link DisruptionBudget} as one plan spends it: the servers disrupted already in the view or by the
 * plan (draining with VMs, or giving VMs up), and how many may be.
 */
final class PlannedDisruption {
    private final boolean[] disrupted;
    private int disruptedCount;
    private final int allowed;

    PlannedDisruption(ClusterView view, FleetRules rules) {
        disrupted = new boolean[view.hostCount()];
        if (rules.disruption() != null) {
            for (int h = 0; h < view.hostCount(); h++) {
                if (DisruptionBudget.disruptedInView(view, h)) {
                    disrupted[h] = true;
                    disruptedCount++;
                }
            }
        }
        allowed = rules.disruption() == null ? Integer.MAX_VALUE
                : rules.disruption().allowed(DisruptionBudget.activeHosts(view));
    }

    /** Whether server {@code h} may be disrupted within the budget: always when it is disrupted already. */
    boolean mayDisrupt(int h) {
        return disrupted[h] || disruptedCount < allowed;
    }

    void disrupt(int h) {
        if (!disrupted[h]) {
            disrupted[h] = true;
            disruptedCount++;
        }
    }
}
