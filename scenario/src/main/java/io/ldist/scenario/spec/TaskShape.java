package io.ldist.scenario.spec;

import java.util.Objects;

/**
 * What generated tasks need: CPU (MIPS), GPUs, RAM (MiB) while running, how long they run, and how much slack
 * they get: the deadline is arrival + {@code deadlineFactor} x duration (+infinity for no deadline).
 */
public record TaskShape(Distribution cpuMips, Distribution gpus, Distribution ramMb, Distribution durationS,
                        double deadlineFactor) {
    public TaskShape {
        Objects.requireNonNull(cpuMips, "cpuMips");
        Objects.requireNonNull(gpus, "gpus");
        Objects.requireNonNull(ramMb, "ramMb");
        Objects.requireNonNull(durationS, "durationS");
        if (!(deadlineFactor >= 1)) {
            throw new IllegalArgumentException("deadline factor must be >= 1, was " + deadlineFactor);
        }
    }
}
