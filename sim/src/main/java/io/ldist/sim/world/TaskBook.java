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
    private final List<SimTask> queue = new ArrayList<>();
    private boolean queueHasGaps;
    private int[] running = new int[16];
    private double[] cpu = new double[16];
    private double[] ram = new double[16];
    private double[] gpu = new double[16];
    @SuppressWarnings("unchecked")
    private List<SimTask>[] byVm = new List[16];

    public SimTask add(io.ldist.sim.spec.TaskSpec spec) {
        SimTask task = new SimTask(all.size(), spec);
        all.add(task);
        queue.add(task);
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
        compact();
        return queue.size();
    }

    public TaskRequest queued(int i) {
        compact();
        return queue.get(i).asRequest();
    }

    public SimTask queuedTask(int i) {
        compact();
        return queue.get(i);
    }

    private void compact() {
        if (queueHasGaps) {
            queue.removeIf(t -> t.status() != SimTask.Status.QUEUED);
            queueHasGaps = false;
        }
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
        task.start(vm, now);
        queueHasGaps = true;
        hold(vm, task, +1);
    }

    public void complete(SimTask task) {
        release(task);
        task.complete();
    }

    public void requeue(SimTask task, double now, boolean keepProgress) {
        compact(); // drop its stale entry from when it was queued before, or it would be queued twice
        if (task.status() == SimTask.Status.RUNNING) {
            release(task);
        }
        task.requeue(now, keepProgress);
        queue.add(task);
        queueHasGaps = true;
    }

    public void drop(SimTask task) {
        if (task.status() == SimTask.Status.RUNNING) {
            release(task);
        }
        task.drop();
        queueHasGaps = true;
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
