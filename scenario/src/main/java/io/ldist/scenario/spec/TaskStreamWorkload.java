package io.ldist.scenario.spec;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Workload kind 2: tasks arrive, each needing CPU, GPU and RAM for some time, and run on VMs.
 *
 * @param source      where tasks come from (generated arrivals or a CSV replay)
 * @param recovery    what happens to tasks of a failed server
 * @param maxAttempts a task that failed this many times is dropped
 * @param maxWaitS    a task queued longer than this is dropped (+infinity: never), unless its tier says otherwise
 * @param ceiling     the most a task may ask for (one VM); a larger one, drawn from an unbounded distribution,
 *                    is dropped as it arrives since it could never run
 * @param tiers       service tiers in the order they are served (highest weight first; empty: no tiers), so
 *                    that a task's tier rank is its index here
 * @param servedByTier whether tiers are served by weight, their wait objectives scaling the fleet out (true), or
 *                    only measured, every task served in arrival order (to see what the tiers buy)
 */
public record TaskStreamWorkload(TaskSource source, TaskRecovery recovery, int maxAttempts, double maxWaitS,
                                 TaskCeiling ceiling, List<TaskTier> tiers, boolean servedByTier)
        implements Workload {
    public TaskStreamWorkload {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(ceiling, "ceiling");
        if (maxAttempts < 1 || !(maxWaitS > 0)) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and maxWaitS > 0");
        }
        tiers = servingOrder(tiers);
        if (!tiers.isEmpty()) {
            double shares = tiers.stream().mapToDouble(TaskTier::share).sum();
            if (Math.abs(shares - 1) > 1e-6) {
                throw new IllegalArgumentException("the tiers' shares must add up to 100 %, they add up to "
                        + shares * 100 + " %");
            }
        }
    }

    /** Tiers in the order they are served: highest weight first, equal weights in the order listed. */
    public static List<TaskTier> servingOrder(List<TaskTier> tiers) {
        return tiers.stream().sorted(Comparator.comparingDouble(TaskTier::weight).reversed()).toList(); // stable
    }

    /** A workload without tiers. */
    public TaskStreamWorkload(TaskSource source, TaskRecovery recovery, int maxAttempts, double maxWaitS,
                              TaskCeiling ceiling) {
        this(source, recovery, maxAttempts, maxWaitS, ceiling, List.of(), true);
    }

    /** How long a task of tier rank {@code rank} may wait before it is dropped. */
    public double maxWaitS(int rank) {
        if (tiers.isEmpty()) {
            return maxWaitS;
        }
        double own = tiers.get(rank).maxWaitS();
        return Double.isNaN(own) ? maxWaitS : own;
    }

    /** The shortest wait after which some task is dropped (+infinity when none ever is). */
    public double shortestMaxWaitS() {
        if (tiers.isEmpty()) {
            return maxWaitS;
        }
        double shortest = Double.POSITIVE_INFINITY;
        for (int rank = 0; rank < tiers.size(); rank++) {
            shortest = Math.min(shortest, maxWaitS(rank));
        }
        return shortest;
    }

    /** The rank of the tier whose name is {@code name}, or -1. */
    public int rankOf(String name) {
        for (int rank = 0; rank < tiers.size(); rank++) {
            if (tiers.get(rank).name().equals(name)) {
                return rank;
            }
        }
        return -1;
    }
}
