package io.ldist.scenario.spec;

import io.ldist.engine.model.VmType;
import io.ldist.scenario.trace.UtilizationTrace;

import java.util.List;
import java.util.Objects;

/**
 * Workload kind 1: one VM per trace series, its CPU demand the trace value times its MIPS. VM types are
 * assigned in equal blocks over the series (in name order), as in the study: series {@code i} gets type
 * {@code i / ceil(n / types)}. With {@code replicas} K > 1 the whole set of VMs is replicated K times (VM
 * {@code j} follows series {@code j mod n}), to study the same workload on a K times larger fleet.
 */
public record VmTraceWorkload(UtilizationTrace trace, List<VmType> vmTypes, RamModel ramModel, VmLifetime lifetime,
                              int replicas) implements Workload {
    public VmTraceWorkload {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(ramModel, "ramModel");
        Objects.requireNonNull(lifetime, "lifetime");
        vmTypes = List.copyOf(vmTypes);
        if (vmTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one VM type is needed");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, was " + replicas);
        }
    }

    /** Number of VMs: one per series, times the replicas. */
    public int vmCount() {
        return trace.seriesCount() * replicas;
    }

    /** The trace series VM {@code vm} follows. */
    public int seriesOf(int vm) {
        return vm % trace.seriesCount();
    }

    public VmType typeOf(int vm) {
        int block = (int) Math.ceil((double) trace.seriesCount() / vmTypes.size());
        return vmTypes.get(seriesOf(vm) / block);
    }
}
