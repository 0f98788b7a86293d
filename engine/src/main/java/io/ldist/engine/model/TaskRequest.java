package io.ldist.engine.model;

import java.util.Objects;

/**
 * A task waiting to run: what it needs while it runs and by when it should be done.
 *
 * @param demand     resources held while the task runs (CPU MIPS, GPUs, RAM); network is ignored for tasks
 * @param arrivalS   when the task arrived
 * @param deadlineS  when the task should be finished; +infinity when it has no deadline
 * @param attempts   how many times it was started before (after a failure or a failover restart)
 */
public record TaskRequest(TaskId id, Resources demand, double arrivalS, double deadlineS, int attempts) {
    public TaskRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(demand, "demand");
        if (!demand.isNonNegative()) {
            throw new IllegalArgumentException(id + ": demand must be non-negative, was " + demand);
        }
    }
}
