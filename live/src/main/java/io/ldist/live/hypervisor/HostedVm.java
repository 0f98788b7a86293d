package io.ldist.live.hypervisor;

import java.util.Objects;

/**
 * One VM as its hypervisor reports it.
 *
 * @param cpuUsagePercent    CPU used now, in percent of the VM's processors (Hyper-V's CPUUsage)
 * @param memoryAssignedBytes memory assigned now (0 when off)
 */
public record HostedVm(String name, VmPowerState state, double cpuUsagePercent, long memoryAssignedBytes,
                       long uptimeS, int processorCount) {
    public HostedVm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
