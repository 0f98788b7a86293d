package io.ldist.live.api;

import java.util.List;

/** The fleet as the engine sees it, for GET /cluster. */
public record ClusterReport(String cluster, double nowS, String mode, List<HostReport> hosts, int queuedTasks,
                            int runningTasks) {
    /** One server. */
    public record HostReport(int index, String instanceId, String type, String state, double cpuUtilization,
                             boolean metricsStale, Double memoryUtilization, Double gpuUtilization,
                             List<VmReport> vms) {
    }

    /** One VM. */
    public record VmReport(int index, String name, String status, int runningTasks, int taskSlots) {
    }
}
