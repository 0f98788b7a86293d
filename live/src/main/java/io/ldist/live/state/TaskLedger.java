package io.ldist.live.state;

import io.ldist.engine.model.TaskRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every task the fleet knows, by id, and the queue of those waiting, oldest first (retries at the front). */
final class TaskLedger {
    private final Map<Long, LiveTask> tasks = new HashMap<>();
    private final LinkedHashMap<Long, LiveTask> queue = new LinkedHashMap<>();
    /** The queue as a list, made when the engine reads it by position and dropped when the queue changes. */
    private List<TaskRequest> queueOrder;
    private long nextId = 1;

    long takeId() {
        return nextId++;
    }

    /** A task joins the back of the queue. */
    LiveTask enqueue(TaskRequest request, double leaseS) {
        LiveTask task = new LiveTask(request, leaseS);
        tasks.put(task.id(), task);
        queue.put(task.id(), task);
        queueOrder = null;
        nextId = Math.max(nextId, task.id() + 1);
        return task;
    }

    /** A task joins the front of the queue (it ran before), in place of its earlier record. */
    void enqueueFirst(LiveTask task) {
        tasks.put(task.id(), task);
        LinkedHashMap<Long, LiveTask> reordered = new LinkedHashMap<>();
        reordered.put(task.id(), task);
        reordered.putAll(queue);
        queue.clear();
        queue.putAll(reordered);
        queueOrder = null;
    }

    /** Takes a queued task out of the queue to start it. */
    LiveTask dequeue(long id) {
        LiveTask task = queue.remove(id);
        if (task == null) {
            throw new IllegalStateException("task " + id + " is not queued");
        }
        queueOrder = null;
        return task;
    }

    LiveTask get(long id) {
        return tasks.get(id);
    }

    int position(long id) {
        int position = 0;
        for (Long queued : queue.keySet()) {
            if (queued == id) {
                return position;
            }
            position++;
        }
        return -1;
    }

    int queued() {
        return queue.size();
    }

    TaskRequest queuedAt(int i) {
        if (queueOrder == null) {
            List<TaskRequest> order = new ArrayList<>(queue.size());
            for (LiveTask task : queue.values()) {
                order.add(task.request);
            }
            queueOrder = order;
        }
        return queueOrder.get(i);
    }

    /** Running tasks that satisfy {@code test}, in id order. */
    List<LiveTask> running(java.util.function.Predicate<LiveTask> test) {
        List<LiveTask> found = new ArrayList<>();
        for (LiveTask task : tasks.values()) {
            if (task.phase == LiveTask.Phase.RUNNING && test.test(task)) {
                found.add(task);
            }
        }
        found.sort(Comparator.comparingLong(LiveTask::id));
        return found;
    }

    void forgetEndedBefore(double cutoffS) {
        tasks.values().removeIf(t -> t.phase.ended() && t.endedAtS < cutoffS);
    }
}
