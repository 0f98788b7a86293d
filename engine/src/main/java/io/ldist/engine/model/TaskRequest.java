package io.ldist.engine.model;

import java.util.Objects;

/**
 * A task waiting to run: what it needs while it runs, by when it should have started and be done, and how early
 * it is served.
 *
 * @param demand     resources held while the task runs (CPU MIPS, GPUs, RAM); network is ignored for tasks
 * @param arrivalS   when the task arrived
 * @param deadlineS  when the task should be finished; +infinity when it has no deadline
 * @param attempts   how many times it was started before (after a failure or a failover restart)
 * @param tier       its service tier's rank: rank 0 is served first, then 1, and so on; tasks of one rank in
 *                   the order they joined the queue
 * @param startByS   when it should have started at the latest (its tier's wait objective): a task still waiting
 *                   after that asks for more servers; +infinity when its tier has no wait objective
 */
public record TaskRequest(TaskId id, Resources demand, double arrivalS, double deadlineS, int attempts, int tier,
                          double startByS) {
    public TaskRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demand, "demand");
        if (!demand.isNonNegative()) {
            throw new IllegalArgumentException(id + ": demand must be non-negative, was " + demand);
        }
        if (tier < 0) {
            throw new IllegalArgumentException(id + ": tier rank must be >= 0, was " + tier);
        }
        if (Double.isNaN(startByS)) {
            throw new IllegalArgumentException(id + ": startByS must be a time or +infinity");
        }
    }

    /** A task of the first tier without a wait objective. */
    public TaskRequest(TaskId id, Resources demand, double arrivalS, double deadlineS, int attempts) {
        this(id, demand, arrivalS, deadlineS, attempts, 0, Double.POSITIVE_INFINITY);
    }

    /** The same task, started {@code attempts} times before. */
    public TaskRequest withAttempts(int attempts) {
        return new TaskRequest(id, demand, arrivalS, deadlineS, attempts, tier, startByS);
    }
}
