package io.ldist.engine.plan;

import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.VmId;

import java.util.Objects;

/** Start a queued task on a VM. */
public record AssignTask(TaskId task, VmId vm, Reason reason) implements Action {
    public AssignTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(reason, "reason");
    }
}
