package io.ldist.live.loop;

import io.ldist.live.api.ClusterReport;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;
import io.ldist.live.state.LiveVm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fleet as GET /cluster and {@code ldist live plan} show it. */
final class ClusterReports {
    private ClusterReports() {
    }

    /** Not measured is null in the JSON, not 0. */
    private static Double measured(double fraction) {
        return Double.isNaN(fraction) ? null : fraction;
    }

    static ClusterReport of(LiveFleet fleet, String mode) {
        List<ClusterReport.HostReport> hosts = new ArrayList<>();
        for (LiveHost host : fleet.hosts()) {
            List<ClusterReport.VmReport> vms = new ArrayList<>();
            for (int i = 0; i < host.vmCount(); i++) {
                LiveVm vm = fleet.vm(host.vm(i));
                vms.add(new ClusterReport.VmReport(vm.index(), vm.name(), vm.status().name().toLowerCase(Locale.ROOT),
                        vm.runningTasks(), vm.type().taskSlots()));
            }
            hosts.add(new ClusterReport.HostReport(host.index(), host.instanceId(), host.type().name(),
                    host.state().name().toLowerCase(Locale.ROOT), host.cpuUtilization(), host.metricsStale(),
                    measured(host.memoryUtilization()), measured(host.gpuUtilization()), vms));
        }
        return new ClusterReport(fleet.cluster(), fleet.nowS(), mode, hosts, fleet.queuedTaskCount(),
                fleet.tasks().runningCount());
    }
}
