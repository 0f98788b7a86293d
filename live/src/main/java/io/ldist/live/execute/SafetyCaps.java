package io.ldist.live.execute;

/**
 * Hard limits every plan is checked against before anything of it is applied. A plan that would break any of them
 * is refused whole, and the refusal says which and by how much.
 *
 * @param maxInstances          running or stopped instances of the cluster, after the plan
 * @param maxCostPerHour        USD per hour of the servers running after the plan
 * @param maxLaunchesPerHour    launches (new instances) in any sliding hour
 * @param maxTerminationsPerHour terminations in any sliding hour
 * @param disruptionBudget      share of active servers that may be draining, fenced or losing a VM to a
 *                              migration at once, in (0, 1]
 */
public record SafetyCaps(int maxInstances, double maxCostPerHour, int maxLaunchesPerHour, int maxTerminationsPerHour,
                         double disruptionBudget) {
    public SafetyCaps {
        if (maxInstances < 1) {
            throw new IllegalArgumentException("caps.maxInstances must be >= 1, was " + maxInstances);
        }
        if (!(maxCostPerHour > 0)) {
            throw new IllegalArgumentException("caps.maxCostPerHour must be > 0, was " + maxCostPerHour);
        }
        if (maxLaunchesPerHour < 0 || maxTerminationsPerHour < 0) {
            throw new IllegalArgumentException("caps.maxLaunchesPerHour and maxTerminationsPerHour must be >= 0");
        }
        if (!(disruptionBudget > 0 && disruptionBudget <= 1)) {
            throw new IllegalArgumentException("caps.disruptionBudget must be in (0, 100 %], was " + disruptionBudget);
        }
    }
}
