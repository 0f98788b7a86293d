package io.ldist.engine.model;

import io.ldist.engine.util.IntList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a driver saw happen to tasks since it last asked the engine to decide, when nothing else happened: the
 * servers where tasks ended (their room and task outcomes changed), the tasks that joined the queue (arrivals,
 * retries) in queue order, and the queued tasks it withdrew (dropped). The engine's per-task path
 * ({@code Engine.dispatch}) answers from these alone; anything else (a server booting, crashing or changing
 * state, a VM starting or moving) calls for a whole decision.
 */
public final class TaskChanges {
    private final IntList hostsWithEndedTasks = new IntList();
    private final List<TaskRequest> queued = new ArrayList<>();
    private final List<TaskId> withdrawn = new ArrayList<>();

    /** A task ended (finished or failed) on {@code host}. */
    public void taskEnded(int host) {
        hostsWithEndedTasks.add(host);
    }

    /** A task joined the back of the queue. */
    public void queued(TaskRequest task) {
        queued.add(task);
    }

    /** A task left the queue without starting (dropped, cancelled). */
    public void withdrawn(TaskId task) {
        withdrawn.add(task);
    }

    public IntList hostsWithEndedTasks() {
        return hostsWithEndedTasks;
    }

    public List<TaskRequest> queued() {
        return Collections.unmodifiableList(queued);
    }

    public List<TaskId> withdrawn() {
        return Collections.unmodifiableList(withdrawn);
    }

    public boolean isEmpty() {
        return hostsWithEndedTasks.isEmpty() && queued.isEmpty() && withdrawn.isEmpty();
    }

    public void clear() {
        hostsWithEndedTasks.clear();
        queued.clear();
        withdrawn.clear();
    }
}
