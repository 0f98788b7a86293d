package io.ldist.sim.kernel;

import io.ldist.engine.cost.CostBreakdown;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.pool.FleetPool;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.record.TaskStatistics;
import io.ldist.sim.record.Timeseries;
import io.ldist.sim.record.WaitDistribution;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.TaskTier;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run measured. {@link #summary()} holds the headline metrics under the names used everywhere in
 * ldist (DESIGN.md), in a fixed order; NaN marks a metric that had nothing to measure (no task, no failover).
 */
public final class SimulationResult {
    private final SimulationSpec spec;
    private final Map<String, Number> summary;
    private final Timeseries timeseries;
    private final double simWallSeconds;
    private final VirtualFleet fleet;
    private final TaskStatistics taskStatistics;

    SimulationResult(SimulationSpec spec, RunRecorder recorder, VirtualFleet fleet, TaskBook tasks,
                     Timeseries timeseries, double simWallSeconds) {
        this.spec = spec;
        this.fleet = fleet;
        this.taskStatistics = recorder.tasks();
        this.timeseries = timeseries;
        this.simWallSeconds = simWallSeconds;
        this.summary = summarise(recorder, fleet, tasks);
    }

    private Map<String, Number> summarise(RunRecorder r, VirtualFleet fleet, TaskBook tasks) {
        Map<String, Number> m = new LinkedHashMap<>();
        double slav = r.slatah() * r.pdm();
        m.put("energyKWh", r.energyKWh());
        CostBreakdown costs = r.costs(spec.durationS());
        m.put("costUsd", costs.totalUsd());
        m.put("migrations", r.migrations());
        m.put("slatah", r.slatah());
        m.put("pdm", r.pdm());
        m.put("slav", slav);
        m.put("esv", r.energyKWh() * slav);
        m.put("activeHostsMean", r.activeHostSeconds() / spec.durationS());
        m.put("peakHosts", r.runningHostsPeak());
        m.put("standbyHostsMean", r.standbyHostSeconds() / spec.durationS());
        m.put("unplaced", r.unplaced());
        if (r.affinityTracked()) {
            m.put("affinityHardViolations", r.affinityHardViolations());
            m.put("affinitySoftViolations", r.affinitySoftViolations());
        }
        TaskStatistics t = r.tasks();
        // A trace replay has no tasks: its task metrics are not 0 but not measured (null in summary.json).
        boolean taskStream = spec.workload() instanceof TaskStreamWorkload;
        m.put("tasksArrived", taskStream ? t.arrivedCount() : Double.NaN);
        m.put("tasksCompleted", taskStream ? t.completedCount() : Double.NaN);
        m.put("tasksLate", taskStream ? t.lateCount() : Double.NaN);
        m.put("tasksDropped", taskStream ? t.droppedCount() : Double.NaN);
        m.put("p50WaitS", t.waitQuantileS(0.50));
        m.put("p95WaitS", t.waitQuantileS(0.95));
        m.put("p99WaitS", t.waitQuantileS(0.99));
        putTierMetrics(m, t);
        putPoolMetrics(m, r);
        m.put("failovers", r.failovers());
        m.put("failoversUnrecovered", r.failoversUnrecovered());
        m.put("meanTimeToRecoverS", r.meanTimeToRecoverS());
        m.put("maxTimeToRecoverS", r.maxTimeToRecoverS());
        m.put("meanTimeToCapacityS", r.meanTimeToCapacityS());
        m.put("maxTimeToCapacityS", r.maxTimeToCapacityS());
        m.put("hostShutdowns", r.hostShutdowns());
        m.put("meanTimeBeforeHostShutdownS", r.meanTimeBeforeHostShutdownS());
        m.put("meanTimeBeforeVmMigrationS", r.meanTimeBeforeVmMigrationS());
        if (!spec.updates().isEmpty()) {
            m.putAll(r.updates().summary()); // only then: runs without updates keep their summary as it was
        }
        m.putAll(costs.parts());
        m.put("hosts", fleet.hostCount());
        m.put("vms", fleet.vmCount());
        m.put("simulatedS", spec.durationS());
        return m;
    }

    /**
     * With service tiers, each tier's outcomes as {@code tier.NAME.METRIC}: its tasks' counts and waits and, for a
     * tier with a wait objective, the share of its arrived tasks that started within it (those dropped or never
     * started count as late starters).
     */
    private void putTierMetrics(Map<String, Number> m, TaskStatistics all) {
        if (!(spec.workload() instanceof TaskStreamWorkload w)) {
            return;
        }
        for (int rank = 0; rank < w.tiers().size(); rank++) {
            TaskTier tier = w.tiers().get(rank);
            TaskStatistics t = all.tier(rank);
            String prefix = "tier." + tier.name() + ".";
            m.put(prefix + "tasksArrived", t.arrivedCount());
            m.put(prefix + "tasksCompleted", t.completedCount());
            m.put(prefix + "tasksLate", t.lateCount());
            m.put(prefix + "tasksDropped", t.droppedCount());
            m.put(prefix + "p50WaitS", t.waitQuantileS(0.50));
            m.put(prefix + "p95WaitS", t.waitQuantileS(0.95));
            if (tier.hasWaitObjective()) {
                m.put(prefix + "startedInTime", t.arrivedCount() == 0 ? Double.NaN
                        : (double) t.startedWithin(tier.waitS()) / t.arrivedCount());
            }
        }
    }

    /**
     * With pools, each pool's servers and tasks as {@code pool.NAME.METRIC}: its peak and mean servers, and the
     * outcomes of the tasks routed to it (a task that may run in several pools counts in the first).
     */
    private void putPoolMetrics(Map<String, Number> m, RunRecorder r) {
        List<FleetPool> pools = r.pools().pools();
        for (int p = 0; p < pools.size(); p++) {
            String prefix = "pool." + pools.get(p).name() + ".";
            TaskStatistics t = r.poolTasks(p);
            m.put(prefix + "peakHosts", r.runningHostsPeak(p));
            m.put(prefix + "activeHostsMean", r.activeHostSeconds(p) / spec.durationS());
            m.put(prefix + "tasksArrived", t.arrivedCount());
            m.put(prefix + "tasksStarted", t.startedCount());
            m.put(prefix + "tasksCompleted", t.completedCount());
            m.put(prefix + "tasksLate", t.lateCount());
            m.put(prefix + "tasksDropped", t.droppedCount());
            m.put(prefix + "p50WaitS", t.waitQuantileS(0.50));
            m.put(prefix + "p95WaitS", t.waitQuantileS(0.95));
        }
    }

    public SimulationSpec spec() {
        return spec;
    }

    public Map<String, Number> summary() {
        return summary;
    }

    public double metric(String name) {
        Number value = summary.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric named " + name + "; known: " + summary.keySet());
        }
        return value.doubleValue();
    }

    /** A task stream's waits, every arrived task counted (see {@link WaitDistribution}); empty for a trace replay. */
    public Optional<WaitDistribution> waitDistribution() {
        if (!(spec.workload() instanceof TaskStreamWorkload)) {
            return Optional.empty();
        }
        return Optional.of(taskStatistics.waitDistribution(WaitDistribution.grid(spec.durationS())));
    }

    public Timeseries timeseries() {
        return timeseries;
    }

    /** Wall time of the simulation itself (set-up of the fleet and the event loop, not trace reading). */
    public double simWallSeconds() {
        return simWallSeconds;
    }

    /** The fleet as the run left it, for checks of the end state. */
    public VirtualFleet finalFleet() {
        return fleet;
    }

    /** True when no server ends failed with something on it and every VM is where its server says. */
    public boolean endStateConsistent() {
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hostState(h) == HostState.FAILED && fleet.hostVmCount(h) > 0) {
                return false;
            }
            for (int i = 0; i < fleet.hostVmCount(h); i++) {
                if (fleet.vmHost(fleet.hostVm(h, i)) != h) {
                    return false;
                }
            }
        }
        for (int v = 0; v < fleet.vmCount(); v++) {
            VmStatus status = fleet.vmStatus(v);
            boolean placed = status == VmStatus.RUNNING || status == VmStatus.MIGRATING;
            if (placed != (fleet.vmHost(v) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
