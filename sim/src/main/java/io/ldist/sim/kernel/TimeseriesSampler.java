package io.ldist.sim.kernel;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.record.TimeseriesRow;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of timeseries.csv: one per decision tick, taken once the tick's instant is complete, plus one at the
 * end of the run. Between rows it counts what the interval's plans and faults did.
 */
final class TimeseriesSampler {
    private final VirtualFleet fleet;
    private final TaskBook tasks;
    private final RunRecorder recorder;
    private final List<TimeseriesRow> rows = new ArrayList<>();

    /** A tick was decided at this instant: its row is taken once the instant is complete. */
    private boolean rowDue;
    private int intervalMigrations;
    private int intervalScaleOuts;
    private int intervalScaleIns;
    private int intervalFailovers;
    private int intervalHostCrashes;
    private final BitSet intervalOverloadedHosts = new BitSet();
    private long completedAtLastRow;

    TimeseriesSampler(VirtualFleet fleet, TaskBook tasks, RunRecorder recorder) {
        this.fleet = fleet;
        this.tasks = tasks;
        this.recorder = recorder;
    }

    List<TimeseriesRow> rows() {
        return rows;
    }

    void tickDecided() {
        rowDue = true;
    }

    void hostCrashed() {
        intervalHostCrashes++;
    }

    void countPlan(Plan plan) {
        for (Action action : plan.actions()) {
            if (action instanceof MigrateVm migrate) {
                intervalMigrations++;
                if (migrate.reason() == Reason.OVERLOAD) {
                    intervalOverloadedHosts.set(migrate.from().index());
                }
            } else if (action instanceof FenceHost) {
                intervalFailovers++;
            } else if (action.reason() == Reason.SCALE_OUT
                    && (action instanceof LaunchHost || action instanceof ResumeHost)) {
                intervalScaleOuts++;
            } else if (action.reason() == Reason.SCALE_IN && action instanceof DrainHost) {
                intervalScaleIns++;
            }
        }
    }

    /** At the end of an instant: the row of a tick decided during it. */
    void sampleIfDue(double t) {
        if (rowDue) {
            sample(t);
            rowDue = false;
        }
    }

    /** The last interval's row, unless a tick took one at the end already, so the series ends with the totals. */
    void sampleEnd(double endS) {
        if (rows.isEmpty() || rows.get(rows.size() - 1).timeS() < endS) {
            sample(endS);
        }
    }

    private void sample(double t) {
        int active = 0;
        int booting = 0;
        int standby = 0;
        int draining = 0;
        int failed = 0;
        double cpuSum = 0;
        double powerW = 0;
        double costPerHour = 0;
        for (int h = 0; h < fleet.hostCount(); h++) {
            HostState state = fleet.hostState(h);
            switch (state) {
                case ACTIVE -> active++;
                case BOOTING -> booting++;
                case STANDBY -> standby++;
                case DRAINING -> draining++;
                case FAILED -> failed++;
                default -> { }
            }
            if (state == HostState.ACTIVE || state == HostState.DRAINING) {
                cpuSum += fleet.hostCpuUtilization(h);
            }
            if (state.isRunning()) {
                costPerHour += fleet.hostType(h).priceUsdPerHour();
                if (!fleet.isCrashed(h)) {
                    powerW += fleet.hostType(h).power().watts(fleet.hostCpuUtilization(h));
                }
            }
        }
        int vmsRunning = 0;
        int vmsPending = 0;
        for (int v = 0; v < fleet.vmCount(); v++) {
            VmStatus status = fleet.vmStatus(v);
            if (status == VmStatus.RUNNING || status == VmStatus.MIGRATING) {
                vmsRunning++;
            } else if (status == VmStatus.PENDING) {
                vmsPending++;
            }
        }
        int tasksRunning = 0;
        for (int v = 0; v < fleet.vmCount(); v++) {
            tasksRunning += tasks.runningOn(v);
        }
        long completed = recorder.tasks().completedCount();
        int loaded = active + draining;
        rows.add(new TimeseriesRow(t, active, booting, standby, draining, failed, vmsRunning, vmsPending,
                loaded == 0 ? 0 : cpuSum / loaded, powerW, recorder.energyKWh(), costPerHour,
                intervalMigrations, tasks.queuedCount(), tasksRunning, (int) (completed - completedAtLastRow),
                intervalScaleOuts, intervalScaleIns, intervalFailovers, intervalHostCrashes,
                intervalOverloadedHosts.cardinality()));
        completedAtLastRow = completed;
        intervalMigrations = 0;
        intervalScaleOuts = 0;
        intervalScaleIns = 0;
        intervalFailovers = 0;
        intervalHostCrashes = 0;
        intervalOverloadedHosts.clear();
    }
}
