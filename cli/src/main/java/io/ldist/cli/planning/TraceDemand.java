package io.ldist.cli.planning;

import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmType;
import io.ldist.engine.sizing.VmDemand;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.trace.UtilizationTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demand a fleet is sized for, from a trace workload: each VM's CPU at a percentile of its own trace
 * (nearest rank over the samples, each a share 0-1) times its type's MIPS, and its type's memory, GPUs and network in full.
 */
final class TraceDemand {
    private TraceDemand() {
    }

    static List<VmDemand> of(VmTraceWorkload workload, double percentile) {
        UtilizationTrace trace = workload.trace();
        double[] perSeries = new double[trace.seriesCount()];
        for (int s = 0; s < perSeries.length; s++) {
            perSeries[s] = nearestRank(trace, s, percentile);
        }
        List<VmDemand> vms = new ArrayList<>(workload.vmCount());
        for (int vm = 0; vm < workload.vmCount(); vm++) {
            VmType type = workload.typeOf(vm);
            int series = workload.seriesOf(vm);
            String name = workload.replicas() == 1 ? trace.name(series)
                    : trace.name(series) + "#" + (vm / trace.seriesCount() + 1);
            vms.add(new VmDemand(name, type.cores(), new Resources(perSeries[series] * type.totalMips(),
                    type.gpus(), type.ramMb(), type.netMbps())));
        }
        return vms;
    }

    private static double nearestRank(UtilizationTrace trace, int series, double percentile) {
        double[] samples = new double[trace.samples()];
        for (int k = 0; k < samples.length; k++) {
            samples[k] = trace.sample(series, k);
        }
        if (samples.length == 0) {
            return 0;
        }
        Arrays.sort(samples);
        int rank = (int) Math.ceil(percentile / 100 * samples.length);
        return samples[Math.max(0, Math.min(samples.length - 1, rank - 1))];
    }
}
