package io.ldist.scenario.spec;

import io.ldist.engine.util.Numbers;

/**
 * The most one task may ask for: what one VM of the template holds. A task that asks for more can never run,
 * so a scenario that would give one is refused.
 *
 * @param holder what holds that much, for messages ("one 'worker' VM (fleet.template)")
 */
public record TaskCeiling(double cpuMips, double ramMb, double gpus, String holder) {
    /** No ceiling: any task may be asked for. */
    public static final TaskCeiling NONE = new TaskCeiling(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, "");

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
        return null;
    }
}
