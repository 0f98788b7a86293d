package io.ldist.sim.spec;

import java.util.Objects;

/**
 * Workload kind 2: tasks arrive, each needing CPU, GPU and RAM for some time, and run on VMs.
 *
 * @param source      where tasks come from (generated arrivals or a CSV replay)
 * @param recovery    what happens to tasks of a failed server
 * @param maxAttempts a task that failed this many times is dropped
 * @param maxWaitS    a task queued longer than this is dropped (+infinity: never)
 * @param ceiling     the most a task may ask for (one VM); a larger one, drawn from an unbounded distribution,
 *                    is dropped as it arrives since it could never run
 */
public record TaskStreamWorkload(TaskSource source, TaskRecovery recovery, int maxAttempts, double maxWaitS,
                                 TaskCeiling ceiling) implements Workload {
    public TaskStreamWorkload {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(ceiling, "ceiling");
        if (maxAttempts < 1 || !(maxWaitS > 0)) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and maxWaitS > 0");
        }
    }
}
