package io.ldist.engine.model;

import java.util.Objects;

/**
 * A kind of virtual machine: what it reserves on its host when created, and how many tasks it runs at once.
 *
 * @param taskSlots tasks a VM of this type runs concurrently (task streams); ignored for trace replay
 */
public record VmType(String name, int cores, double mipsPerCore, double gpus, double ramMb, double netMbps,
                     int taskSlots) {
    public VmType {
        Objects.requireNonNull(name, "name");
        if (cores < 1) {
            throw new IllegalArgumentException("vm type " + name + ": cores must be >= 1, was " + cores);
        }
        if (!(mipsPerCore > 0) || !(ramMb >= 0) || !(gpus >= 0) || !(netMbps >= 0)) {
            throw new IllegalArgumentException("vm type " + name + ": mipsPerCore must be > 0 and gpus, ramMb, netMbps >= 0");
        }
        if (taskSlots < 1) {
            throw new IllegalArgumentException("vm type " + name + ": taskSlots must be >= 1, was " + taskSlots);
        }
    }

    public double totalMips() {
        return cores * mipsPerCore;
    }

    /** What a VM of this type reserves on its host when it is created. */
    public Resources reservation() {
        return new Resources(totalMips(), gpus, ramMb, netMbps);
    }
}
