package io.ldist.scenario.spec;

import io.ldist.engine.util.Numbers;

import java.util.List;

/**
 * The most one task may ask for: what one VM of the template holds, or in a fleet of pools what the largest VM
 * of any pool holds per resource, and a task must fit one pool's VM in every resource at once. A task that asks
 * for more can never run, so a scenario that would give one is refused.
 *
 * @param holder what holds that much, for messages ("one 'worker' VM (fleet.template)")
 * @param oneOf  the pools' ceilings, one of which a task must fit whole (empty: this ceiling alone)
 */
public record TaskCeiling(double cpuMips, double ramMb, double gpus, String holder, List<TaskCeiling> oneOf) {
    /** No ceiling: any task may be asked for. */
    public static final TaskCeiling NONE = new TaskCeiling(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, "");

    public TaskCeiling {
        oneOf = List.copyOf(oneOf);
    }

    /** What one VM holds. */
    public TaskCeiling(double cpuMips, double ramMb, double gpus, String holder) {
        this(cpuMips, ramMb, gpus, holder, List.of());
    }

    /** A task must fit one of {@code pools}; per resource, the most any of them holds. */
    public static TaskCeiling oneOf(List<TaskCeiling> pools, String holder) {
        double cpu = 0;
        double ram = 0;
        double gpus = 0;
        for (TaskCeiling pool : pools) {
            cpu = Math.max(cpu, pool.cpuMips());
            ram = Math.max(ram, pool.ramMb());
            gpus = Math.max(gpus, pool.gpus());
        }
        return new TaskCeiling(cpu, ram, gpus, holder, pools);
    }

    /** What the task asks for beyond the ceiling, as "cpuMips 200000 (of at most 80000)", or null. */
    public String excess(double taskCpuMips, double taskRamMb, double taskGpus) {
        if (taskCpuMips > cpuMips) {
            return "cpuMips " + Numbers.plain(taskCpuMips) + " (of at most " + Numbers.plain(cpuMips) + ")";
        }
        if (taskRamMb > ramMb) {
            return "ramMb " + Numbers.plain(taskRamMb) + " (of at most " + Numbers.plain(ramMb) + ")";
        }
        if (taskGpus > gpus) {
            return "gpus " + Numbers.plain(taskGpus) + " (of at most " + Numbers.plain(gpus) + ")";
        }
        if (oneOf.isEmpty() || oneOf.stream().anyMatch(pool -> pool.excess(taskCpuMips, taskRamMb, taskGpus) == null)) {
            return null;
        }
        return "cpuMips " + Numbers.plain(taskCpuMips) + ", ramMb " + Numbers.plain(taskRamMb) + " and gpus "
                + Numbers.plain(taskGpus) + " together, which no one pool's VM holds";
    }
}
