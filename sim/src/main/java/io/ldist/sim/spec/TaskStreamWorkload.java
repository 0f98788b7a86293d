package io.ldist.sim.spec;

import java.util.Objects;

/**
 * Workload kind 2: tasks arrive, each needing CPU, GPU and RAM for some time, and run on VMs.
 *
 * @param source      where tasks come from (generated arrivals or a CSV replay)
 * @param recovery    what happens to tasks of a failed server
 * @param maxAttempts a task that failed this many times is dropped
 * @param maxWaitS    a task queued longer than this is dropped (+infinity: never)
 */
public record TaskStreamWorkload(TaskSource source, TaskRecovery recovery, int maxAttempts, double maxWaitS)
        implements Workload {
    public TaskStreamWorkload {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recovery, "recovery");
        if (maxAttempts < 1 || !(maxWaitS > 0)) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and maxWaitS > 0");
        }
    }
}
