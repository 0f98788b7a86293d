package io.ldist.engine.sizing;

import io.ldist.engine.model.Resources;

import java.util.Objects;

/**
 * What one VM needs of a server when a fleet is sized for it: its cores (a VM core never gets more than one
 * server core's MIPS) and a demand vector, for example a percentile of its CPU trace and its memory.
 */
public record VmDemand(String name, int cores, Resources demand) {
    public VmDemand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(demand, "demand");
        if (cores < 1) {
            throw new IllegalArgumentException("VM " + name + ": cores must be >= 1, was " + cores);
        }
        if (!demand.isNonNegative()) {
            throw new IllegalArgumentException("VM " + name + ": demand must not be negative, was " + demand);
        }
    }
}
