package io.ldist.engine.dispatch;

import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Tasks that found no room when they were last tried, oldest first, indexed by demand: over their positions a
 * segment tree keeps the smallest CPU, memory and GPU demand below each node, so that when a server frees room
 * the tasks that might fit it are found without walking the whole queue. A task leaves by its id (it started,
 * or the driver dropped it); positions are compacted when more than half are empty.
 */
final class WaitingTasks {
    private TaskRequest[] tasks = new TaskRequest[16];
    private final Map<TaskId, Integer> positionOf = new HashMap<>();
    private int end;
    private int live;
    private int leaves = 16;
    private double[] minCpu = filled(32);
    private double[] minRam = filled(32);
    private double[] minGpu = filled(32);

    int size() {
        return live;
    }

    boolean contains(TaskId id) {
        return positionOf.containsKey(id);
    }

    void clear() {
        Arrays.fill(tasks, 0, end, null);
        positionOf.clear();
        end = 0;
        live = 0;
        Arrays.fill(minCpu, Double.POSITIVE_INFINITY);
        Arrays.fill(minRam, Double.POSITIVE_INFINITY);
        Arrays.fill(minGpu, Double.POSITIVE_INFINITY);
    }

    /** Adds a task behind all others. */
    void append(TaskRequest task) {
        if (positionOf.containsKey(task.id())) {
            throw new IllegalStateException(task.id() + " is already waiting");
        }
        if (end == leaves) {
            grow();
        }
        int at = end++;
        tasks[at] = task;
        positionOf.put(task.id(), at);
        live++;
        set(at, task.demand());
    }

    /** Takes a task out; false when it was not waiting. */
    boolean remove(TaskId id) {
        Integer at = positionOf.remove(id);
        if (at == null) {
            return false;
        }
        tasks[at] = null;
        live--;
        set(at, null);
        return true;
    }

    TaskRequest at(int position) {
        return tasks[position];
    }

    /** One past the last position in use (positions of removed tasks stay empty until compaction). */
    int end() {
        return end;
    }

    /**
     * The first position at or after {@code from} holding a task whose demand is at most {@code room} in each
     * resource (the resources are checked one by one, so a task found may still fit no single VM), or -1.
     */
    int nextWithin(int from, double cpu, double ram, double gpu) {
        if (from >= end) {
            return -1;
        }
        return next(1, 0, leaves, from, cpu, ram, gpu);
    }

    private int next(int node, int first, int size, int from, double cpu, double ram, double gpu) {
        if (first + size <= from || minCpu[node] > cpu || minRam[node] > ram || minGpu[node] > gpu) {
            return -1;
        }
        if (size == 1) {
            return first;
        }
        int half = size / 2;
        int found = next(2 * node, first, half, from, cpu, ram, gpu);
        return found >= 0 ? found : next(2 * node + 1, first + half, half, from, cpu, ram, gpu);
    }

    /** Closes the gaps left by removed tasks when they are the majority, keeping the order. */
    void compactIfSparse() {
        if (end < 64 || live * 2 > end) {
            return;
        }
        TaskRequest[] kept = new TaskRequest[tasks.length];
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (tasks[i] != null) {
                kept[n++] = tasks[i];
            }
        }
        clear();
        for (int i = 0; i < n; i++) {
            append(kept[i]);
        }
    }

    private void set(int at, Resources demand) {
        int node = leaves + at;
        minCpu[node] = demand == null ? Double.POSITIVE_INFINITY : demand.cpuMips();
        minRam[node] = demand == null ? Double.POSITIVE_INFINITY : demand.ramMb();
        minGpu[node] = demand == null ? Double.POSITIVE_INFINITY : demand.gpus();
        for (node /= 2; node >= 1; node /= 2) {
            minCpu[node] = Math.min(minCpu[2 * node], minCpu[2 * node + 1]);
            minRam[node] = Math.min(minRam[2 * node], minRam[2 * node + 1]);
            minGpu[node] = Math.min(minGpu[2 * node], minGpu[2 * node + 1]);
        }
    }

    private void grow() {
        TaskRequest[] old = Arrays.copyOf(tasks, end);
        int n = end;
        leaves *= 2;
        tasks = new TaskRequest[leaves];
        minCpu = filled(2 * leaves);
        minRam = filled(2 * leaves);
        minGpu = filled(2 * leaves);
        positionOf.clear();
        end = 0;
        live = 0;
        for (int i = 0; i < n; i++) {
            if (old[i] != null) {
                append(old[i]);
            }
        }
    }

    private static double[] filled(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.POSITIVE_INFINITY);
        return values;
    }
}
