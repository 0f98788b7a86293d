package io.ldist.sim.world;

import java.util.Arrays;

/**
 * Each VM's last {@code length} CPU utilisations, newest first: a ring per VM, every VM's ring in one array (VM v's
 * from {@code v x length}), so that recording a sample allocates nothing.
 */
final class VmHistory {
    private final int length;
    private double[] samples;
    private int[] count;
    private int[] head;

    VmHistory(int length, int vmCapacity) {
        this.length = length;
        samples = new double[vmCapacity * length];
        count = new int[vmCapacity];
        head = new int[vmCapacity];
    }

    void record(int vm, double utilization) {
        samples[vm * length + head[vm]] = utilization;
        head[vm] = (head[vm] + 1) % length;
        count[vm] = Math.min(length, count[vm] + 1);
    }

    int length(int vm) {
        return count[vm];
    }

    /** The sample {@code age} records ago (0: the newest). */
    double get(int vm, int age) {
        if (age >= count[vm]) {
            throw new IndexOutOfBoundsException("vm-" + vm + " has " + count[vm] + " samples, asked " + age);
        }
        return samples[vm * length + (head[vm] - 1 - age + length) % length];
    }

    void grow(int vmCapacity) {
        samples = Arrays.copyOf(samples, vmCapacity * length);
        count = Arrays.copyOf(count, vmCapacity);
        head = Arrays.copyOf(head, vmCapacity);
    }
}
