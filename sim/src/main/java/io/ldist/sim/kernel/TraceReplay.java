package io.ldist.sim.kernel;

import io.ldist.engine.model.VmStatus;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.RamModel;
import io.ldist.scenario.spec.VmLifetime;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.trace.UtilizationTrace;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.VirtualFleet;

/**
 * A utilization trace played back on the fleet's VMs: each VM follows one series, asking for its trace value
 * times its MIPS; at each decision tick the VMs' history is recorded and, when the workload says so, VMs whose
 * trace has gone idle finish.
 */
final class TraceReplay {
    private final VmTraceWorkload workload;
    private final VirtualFleet fleet;
    private final SimExecutor executor;
    private final EventLog log;
    private int[] seriesOfVm = new int[0];
    /** Some VM started since demands were last read (their demand is still 0). */
    private boolean demandStale;

    TraceReplay(VmTraceWorkload workload, VirtualFleet fleet, SimExecutor executor, EventLog log) {
        this.workload = workload;
        this.fleet = fleet;
        this.executor = executor;
        this.log = log;
    }

    /** Adds the workload's VMs to the fleet, pending placement. */
    void addVms() {
        seriesOfVm = new int[workload.vmCount()];
        for (int i = 0; i < seriesOfVm.length; i++) {
            int vm = fleet.addVm(workload.typeOf(i));
            seriesOfVm[vm] = workload.seriesOf(i);
        }
    }

    /** Capacity changed: VMs may have started, and their demand is read before it is next used. */
    void capacityChanged() {
        demandStale = true;
    }

    void refreshDemandIfStale(double t) {
        if (demandStale) {
            refreshDemand(t);
        }
    }

    void refreshDemand(double t) {
        demandStale = false;
        UtilizationTrace trace = workload.trace();
        boolean ramReserved = workload.ramModel() == RamModel.RESERVED;
        double position = t / trace.intervalS();
        int k = (int) position;
        double fraction = position - k;
        for (int v = 0; v < fleet.vmCount(); v++) {
            VmStatus status = fleet.vmStatus(v);
            if (status == VmStatus.RUNNING || status == VmStatus.MIGRATING) {
                double mips = trace.at(seriesOfVm[v], k, fraction) * fleet.vmType(v).totalMips();
                fleet.setDemand(v, mips, ramReserved ? fleet.vmType(v).ramMb() : 0, 0);
            }
        }
    }

    void recordHistoryAndRetireIdleVms(double t) {
        UtilizationTrace trace = workload.trace();
        int k = (int) Math.floor(t / trace.intervalS());
        boolean untilIdle = workload.lifetime() == VmLifetime.UNTIL_IDLE;
        for (int v = 0; v < fleet.vmCount(); v++) {
            if (fleet.vmStatus(v) == VmStatus.RUNNING || fleet.vmStatus(v) == VmStatus.MIGRATING) {
                fleet.recordHistory(v);
            }
            if (untilIdle && fleet.vmStatus(v) == VmStatus.RUNNING && t > 0
                    && trace.sample(seriesOfVm[v], k) == 0 && trace.sample(seriesOfVm[v], k + 1) == 0) {
                int host = fleet.vmHost(v);
                fleet.finish(v);
                log.accept(new EventRow(t, "VmFinished", "IDLE", host, v, -1, -1, "trace idle"));
                executor.finishDrainIfDone(host);
            }
        }
    }
}
