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
import io.ldist.sim.record.Timeseries;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of timeseries.csv: one per decision tick, taken once the tick's instant is complete, plus one at the
 * end of the run. Between rows it counts what the interval's plans and faults did. The columns are declared in
 * {@link #columns}, each by its name and how to compute it, so a new column is one line there.
 */
final class TimeseriesSampler {
    private final VirtualFleet fleet;
    private final TaskBook tasks;
    private final RunRecorder recorder;
    private final List<List<Number>> rows = new ArrayList<>();

    /** A tick was decided at this instant: its row is taken once the instant is complete. */
    private boolean rowDue;
    private int intervalMigrations;
    private int intervalScaleOuts;
    private int intervalScaleIns;
    private int intervalFailovers;
    private int intervalHostCrashes;
    private final BitSet intervalOverloadedHosts = new BitSet();
    private long completedAtLastRow;
    private double lastRowAtS = Double.NEGATIVE_INFINITY;

    private record Column(String name, Function<FleetCensus, Number> value) {
    }

    /** In the order of the file; the interval's counters are those since the last row. */
    private final List<Column> columns;

    TimeseriesSampler(VirtualFleet fleet, TaskBook tasks, RunRecorder recorder) {
        this.fleet = fleet;
        this.tasks = tasks;
        this.recorder = recorder;
        // Set here, not where declared, because the columns read the fields set just above.
        this.columns = List.of(
                new Column("timeS", c -> c.timeS),
                new Column("activeHosts", c -> c.hostsIn(HostState.ACTIVE)),
                new Column("bootingHosts", c -> c.hostsIn(HostState.BOOTING)),
                new Column("standbyHosts", c -> c.hostsIn(HostState.STANDBY)),
                new Column("drainingHosts", c -> c.hostsIn(HostState.DRAINING)),
                new Column("failedHosts", c -> c.hostsIn(HostState.FAILED)),
                new Column("vmsRunning", c -> c.vmsRunning),
                new Column("vmsPending", c -> c.vmsPending),
                new Column("meanCpu", FleetCensus::meanCpuOfLoadedHosts),
                new Column("powerW", c -> c.powerW),
                new Column("energyKWh", c -> recorder.energyKWh()),
                new Column("costUsdPerHour", c -> c.costUsdPerHour),
                new Column("migrations", c -> intervalMigrations),
                new Column("tasksQueued", c -> tasks.queuedCount()),
                new Column("tasksRunning", c -> c.tasksRunning),
                new Column("tasksCompleted", c -> (int) (recorder.tasks().completedCount() - completedAtLastRow)),
                new Column("scaleOuts", c -> intervalScaleOuts),
                new Column("scaleIns", c -> intervalScaleIns),
                new Column("failovers", c -> intervalFailovers),
                new Column("hostCrashes", c -> intervalHostCrashes),
                new Column("overloadedHosts", c -> intervalOverloadedHosts.cardinality()));
    }

    Timeseries timeseries() {
        return new Timeseries(columns.stream().map(Column::name).toList(), rows);
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
        if (lastRowAtS < endS) {
            sample(endS);
        }
    }

    private void sample(double t) {
        FleetCensus census = new FleetCensus(t, fleet, tasks);
        List<Number> row = new ArrayList<>(columns.size());
        for (Column column : columns) {
            row.add(column.value().apply(census));
        }
        rows.add(List.copyOf(row));
        lastRowAtS = t;
        completedAtLastRow = recorder.tasks().completedCount();
        intervalMigrations = 0;
        intervalScaleOuts = 0;
        intervalScaleIns = 0;
        intervalFailovers = 0;
        intervalHostCrashes = 0;
        intervalOverloadedHosts.clear();
    }

    /** The fleet at one instant, counted in one pass over its servers and one over its VMs. */
    private static final class FleetCensus {
        final double timeS;
        final int[] hostsByState = new int[HostState.values().length];
        double cpuSumOfLoadedHosts;
        double powerW;
        double costUsdPerHour;
        int vmsRunning;
        int vmsPending;
        int tasksRunning;

        FleetCensus(double timeS, VirtualFleet fleet, TaskBook tasks) {
            this.timeS = timeS;
            for (int h = 0; h < fleet.hostCount(); h++) {
                HostState state = fleet.hostState(h);
                hostsByState[state.ordinal()]++;
                if (state == HostState.ACTIVE || state == HostState.DRAINING) {
                    cpuSumOfLoadedHosts += fleet.hostCpuUtilization(h);
                }
                if (state.isRunning()) {
                    costUsdPerHour += fleet.hostType(h).priceUsdPerHour();
                    if (!fleet.isCrashed(h)) {
                        powerW += fleet.hostType(h).power().watts(fleet.hostCpuUtilization(h));
                    }
                }
            }
            for (int v = 0; v < fleet.vmCount(); v++) {
                VmStatus status = fleet.vmStatus(v);
                if (status == VmStatus.RUNNING || status == VmStatus.MIGRATING) {
                    vmsRunning++;
                } else if (status == VmStatus.PENDING) {
                    vmsPending++;
                }
                tasksRunning += tasks.runningOn(v);
            }
        }

        int hostsIn(HostState state) {
            return hostsByState[state.ordinal()];
        }

        double meanCpuOfLoadedHosts() {
            int loaded = hostsIn(HostState.ACTIVE) + hostsIn(HostState.DRAINING);
            return loaded == 0 ? 0 : cpuSumOfLoadedHosts / loaded;
        }
    }
}
