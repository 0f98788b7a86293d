package io.ldist.sim.world;

import io.ldist.engine.model.TaskRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All tasks of a run: the queue (oldest first) and the tasks running on each VM, with the resources they hold
 * summed per VM.
 */
public final class TaskBook {
    private final List<SimTask> all = new ArrayList<>();
    /*
     * The queue, oldest first, as entries that go stale when their task leaves it (starts or is dropped): the
     * serial of the task's run when it was queued tells a stale entry from the task queued again. Stale entries
     * are skipped from the head and compacted away only when the queue is read by position.
     */
    private final List<SimTask> queue = new ArrayList<>();
    private long[] queuedSerial = new long[16];
    private int head;
    private int queuedLive;
    private boolean queueHasGaps;
    private int[] running = new int[16];
    private double[] cpu = new double[16];
    private double[] ram = new double[16];
    private double[] gpu = new double[16];
    @SuppressWarnings("unchecked")
    private List<SimTask>[] byVm = new List[16];

    public SimTask add(io.ldist.scenario.spec.TaskSpec spec) {
        return add(spec, true);
    }

    /** A task that arrived; with {@code servedByTier} false its tier is measured but not served first. */
    public SimTask add(io.ldist.scenario.spec.TaskSpec spec, boolean servedByTier) {
        SimTask task = new SimTask(all.size(), spec, servedByTier);
        all.add(task);
        enqueue(task);
        return task;
    }

    public SimTask get(long id) {
        return all.get((int) id);
    }

    public int size() {
        return all.size();
    }

    public List<SimTask> all() {
        return all;
    }

    // ---- queue

    public int queuedCount() {
        return queuedLive;
    }

    public TaskRequest queued(int i) {
        return queuedTask(i).asRequest();
    }

    /** The {@code i}-th queued task, oldest first (compacts the queue first: for whole decisions). */
    public SimTask queuedTask(int i) {
        compact();
        return queue.get(i);
    }

    /** The oldest queued task, or null: cheap whatever the queue's length. */
    public SimTask oldestQueued() {
        while (head < queue.size() && !isLive(head)) {
            head++;
        }
        return head < queue.size() ? queue.get(head) : null;
    }

    /** Calls {@code action} on queued tasks, oldest first, while it returns true. */
    public void forEachQueued(java.util.function.Predicate<SimTask> action) {
        oldestQueued(); // skips the stale head once, not at every walk
        for (int i = head; i < queue.size(); i++) {
            if (isLive(i) && !action.test(queue.get(i))) {
                return;
            }
        }
    }

    private boolean isLive(int i) {
        SimTask task = queue.get(i);
        return task.status() == SimTask.Status.QUEUED && task.runSerial() == queuedSerial[i];
    }

    private void enqueue(SimTask task) {
        if (queue.size() == queuedSerial.length && queue.size() - head > 2 * queuedLive + 64) {
            compact(); // mostly stale entries: reuse their room
        }
        if (queue.size() == queuedSerial.length) {
            queuedSerial = Arrays.copyOf(queuedSerial, queuedSerial.length * 2);
        }
        queuedSerial[queue.size()] = task.runSerial();
        queue.add(task);
        queuedLive++;
    }

    private void compact() {
        if (!queueHasGaps && head == 0) {
            return;
        }
        int kept = 0;
        for (int i = head; i < queue.size(); i++) {
            if (isLive(i)) {
                queuedSerial[kept] = queuedSerial[i];
                queue.set(kept++, queue.get(i));
            }
        }
        queue.subList(kept, queue.size()).clear();
        head = 0;
        queueHasGaps = false;
    }

    // ---- running

    public int runningOn(int vm) {
        return vm < running.length ? running[vm] : 0;
    }

    public double cpuOn(int vm) {
        return vm < cpu.length ? cpu[vm] : 0;
    }

    public double ramOn(int vm) {
        return vm < ram.length ? ram[vm] : 0;
    }

    public double gpuOn(int vm) {
        return vm < gpu.length ? gpu[vm] : 0;
    }

    /** Tasks running on {@code vm} (a copy, safe to iterate while tasks move). */
    public List<SimTask> tasksOn(int vm) {
        if (vm >= byVm.length || byVm[vm] == null) {
            return List.of();
        }
        return List.copyOf(byVm[vm]);
    }

    public void start(SimTask task, int vm, double now) {
        ensure(vm);
        leaveQueue(task);
        task.start(vm, now);
        hold(vm, task, +1);
    }

    private void leaveQueue(SimTask task) {
        if (task.status() == SimTask.Status.QUEUED) {
            queuedLive--;
            queueHasGaps = true;
        }
    }

    public void complete(SimTask task) {
        release(task);
        task.complete();
    }

    public void requeue(SimTask task, double now, boolean keepProgress) {
        if (task.status() == SimTask.Status.RUNNING) {
            release(task);
        }
        leaveQueue(task);
        task.requeue(now, keepProgress); // a new run serial: its entry from an earlier wait stays stale
        enqueue(task);
    }

    public void drop(SimTask task) {
        if (task.status() == SimTask.Status.RUNNING) {
            release(task);
        }
        leaveQueue(task);
        task.drop();
    }

    public void freeze(SimTask task, double now) {
        task.freeze(now);
    }

    private void release(SimTask task) {
        hold(task.vm(), task, -1);
    }

    private void hold(int vm, SimTask task, int sign) {
        running[vm] += sign;
        cpu[vm] += sign * task.demand().cpuMips();
        ram[vm] += sign * task.demand().ramMb();
        gpu[vm] += sign * task.demand().gpus();
        if (sign > 0) {
            if (byVm[vm] == null) {
                byVm[vm] = new ArrayList<>(4);
            }
            byVm[vm].add(task);
        } else {
            byVm[vm].remove(task);
            if (running[vm] == 0) {
                // Keep sums exact once a VM is idle again, whatever rounding the additions left.
                cpu[vm] = 0;
                ram[vm] = 0;
                gpu[vm] = 0;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void ensure(int vm) {
        if (vm < running.length) {
            return;
        }
        int capacity = Math.max(vm + 1, running.length * 2);
        running = Arrays.copyOf(running, capacity);
        cpu = Arrays.copyOf(cpu, capacity);
        ram = Arrays.copyOf(ram, capacity);
        gpu = Arrays.copyOf(gpu, capacity);
        byVm = Arrays.copyOf(byVm, capacity);
    }
}
