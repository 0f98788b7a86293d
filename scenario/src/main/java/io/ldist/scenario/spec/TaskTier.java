package io.ldist.scenario.spec;

import java.util.Objects;

/**
 * A service tier of a task stream (gold, silver, bronze, ...): how much of the stream it is, how early it is
 * served, and its own objectives. Under pressure, freed capacity goes to the tier of the highest weight first.
 *
 * @param share          fraction of generated tasks in this tier (the shares of a workload add up to 1)
 * @param weight         how early the tier is served: higher first, equal weights in the order listed
 * @param waitS          wait objective: a task should have started this long after it arrived; a task still
 *                       waiting past it makes the fleet scale out at once (+infinity: no objective)
 * @param maxWaitS       a task of the tier queued longer than this is dropped (+infinity: never; NaN: the
 *                       workload's maxWait)
 * @param deadlineFactor the tier's deadline as a multiple of the task's duration (NaN: the task shape's)
 */
public record TaskTier(String name, double share, double weight, double waitS, double maxWaitS,
                       double deadlineFactor) {
    public TaskTier {
        Objects.requireNonNull(name, "name");
        if (!(share >= 0 && share <= 1) || !(weight > 0) || !(waitS > 0) || !(Double.isNaN(maxWaitS) || maxWaitS > 0)
                || !(Double.isNaN(deadlineFactor) || deadlineFactor >= 1)) {
            throw new IllegalArgumentException("tier " + name + ": share in [0, 1], weight > 0, wait > 0, "
                    + "maxWait > 0 and deadlineFactor >= 1 expected");
        }
    }

    /** Whether the tier has a wait objective (and so its own metric of tasks started in time). */
    public boolean hasWaitObjective() {
        return Double.isFinite(waitS);
    }
}
