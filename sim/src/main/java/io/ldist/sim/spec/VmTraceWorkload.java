package io.ldist.sim.spec;

import io.ldist.engine.model.VmType;
import io.ldist.sim.trace.UtilizationTrace;

import java.util.List;
import java.util.Objects;

/**
 * Workload kind 1: one VM per trace series, its CPU demand the trace value times its MIPS. VM types are
 * assigned in equal blocks over the series (in name order), as in the study: series {@code i} gets type
 * {@code i / ceil(n / types)}.
 */
public record VmTraceWorkload(UtilizationTrace trace, List<VmType> vmTypes, RamModel ramModel, VmLifetime lifetime)
        implements Workload {
    public VmTraceWorkload {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(ramModel, "ramModel");
        Objects.requireNonNull(lifetime, "lifetime");
        vmTypes = List.copyOf(vmTypes);
        if (vmTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one VM type is needed");
        }
    }

    public VmType typeOf(int series) {
        int block = (int) Math.ceil((double) trace.seriesCount() / vmTypes.size());
        return vmTypes.get(series / block);
    }
}
