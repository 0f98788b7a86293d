package io.ldist.sim.record;

import io.ldist.engine.cost.CostBreakdown;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.pool.FleetPools;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a run measures: the integrals over time ({@link FleetIntegrals}: energy, cost, SLATAH, PDM,
 * active servers) and the counted events (migrations, shutdowns, failovers, unplaced VMs, tasks).
 */
public final class RunRecorder {
    private final CostModel costs;
    private final FleetIntegrals integrals;
    private double migrationsUsd;

    // Counters.
    private long migrations;
    private long hostShutdowns;
    private double shutdownUptimeSum;
    /** Sum of the times from a VM's start or last migration to its next migration, one per migration. */
    private double timesBeforeMigrationSum;
    private double[] lastMigrationEndS = new double[0];
    private long failovers;
    private final List<Double> recoveryTimes = new ArrayList<>();
    private final TaskStatistics tasks = new TaskStatistics();
    private final UpdateMeasures updates;
    private boolean[] everUnplaced = new boolean[0];
    /** Servers a scale-out asked for that are not active yet, and since when one has been awaited. */
    private final java.util.BitSet capacityAwaited = new java.util.BitSet();
    private double capacityAwaitedSinceS = Double.NaN;
    private final List<Double> timesToCapacity = new ArrayList<>();
    private long unplaced;
    private final FleetPools pools;
    private final TaskStatistics[] poolTasks;
    private boolean affinityTracked;
    private long affinityHardViolations;
    private long affinitySoftViolations;

    public RunRecorder() {
        this(CostModel.NONE);
    }

    public RunRecorder(CostModel costs) {
        this(costs, FleetPools.NONE);
    }

    /** @param pools the fleet's pools, each measured apart too ({@link #poolTasks}, {@link #runningHostsPeak(int)}) */
    public RunRecorder(CostModel costs, FleetPools pools) {
        this.costs = costs;
        this.pools = pools;
        this.poolTasks = new TaskStatistics[pools.pools().size()];
        for (int p = 0; p < poolTasks.length; p++) {
            poolTasks[p] = new TaskStatistics();
        }
        this.integrals = new FleetIntegrals(costs, pools);
        this.updates = new UpdateMeasures(integrals, tasks);
    }

    /**
     * Closes the stretch that ends at {@code t}: the fleet's allocation must reflect demands at {@code t}
     * with the placement of the stretch (before any event of {@code t}).
     */
    public void closeStretch(double t, VirtualFleet fleet) {
        integrals.closeStretch(t, fleet);
    }

    /** Takes the state just after the events of the current instant as the start of the next stretch. */
    public void openStretch(VirtualFleet fleet) {
        integrals.openStretch(fleet);
    }

    // ---- counted events

    /** A migration of a VM with {@code ramMb} of memory started; it will take {@code durationS}. */
    public void migrationStarted(int vm, double now, double ramMb, double durationS) {
        migrations++;
        migrationsUsd += costs.migrationUsd(ramMb, durationS);
        ensureVm(vm);
        timesBeforeMigrationSum += now - lastMigrationEndS[vm];
    }

    public void migrationCompleted(int vm, double now) {
        ensureVm(vm);
        lastMigrationEndS[vm] = now;
    }

    /** A VM started: its waiting time before a first migration counts from here. */
    public void vmStarted(int vm, double now) {
        ensureVm(vm);
        if (lastMigrationEndS[vm] == 0) {
            lastMigrationEndS[vm] = now;
        }
    }

    public void hostShutDown(double uptimeS) {
        hostShutdowns++;
        shutdownUptimeSum += uptimeS;
    }

    /** A scale-out asked for server {@code host} (launched or resumed) at {@code now}. */
    public void capacityAsked(int host, double now) {
        if (capacityAwaited.isEmpty()) {
            capacityAwaitedSinceS = now;
        }
        capacityAwaited.set(host);
    }

    /**
     * Server {@code host} became active, or will not (it failed first): once every server asked for since the
     * first of them is there, the fleet has the capacity its scale-out asked for.
     */
    public void capacityArrived(int host, double now) {
        if (!capacityAwaited.get(host)) {
            return;
        }
        capacityAwaited.clear(host);
        if (capacityAwaited.isEmpty()) {
            timesToCapacity.add(now - capacityAwaitedSinceS);
        }
    }

    public void failover() {
        failovers++;
    }

    public void recovered(double timeToRecoverS) {
        recoveryTimes.add(timeToRecoverS);
    }

    /**
     * Affinity rules broken at one decision interval, hard and soft (each rule counts once per interval); a run
     * whose fleet has rules reports the totals, one without reports neither, so its summary is unchanged.
     */
    public void affinityChecked(int hardBroken, int softBroken) {
        affinityTracked = true;
        affinityHardViolations += hardBroken;
        affinitySoftViolations += softBroken;
    }

    public boolean affinityTracked() {
        return affinityTracked;
    }

    public long affinityHardViolations() {
        return affinityHardViolations;
    }

    public long affinitySoftViolations() {
        return affinitySoftViolations;
    }

    /** A VM waited for a server at a decision and got none; each VM counts once per run: true the first time. */
    public boolean vmLeftUnplaced(int vm) {
        if (everUnplaced.length <= vm) {
            everUnplaced = Arrays.copyOf(everUnplaced, Math.max(vm + 1, everUnplaced.length * 2));
        }
        if (!everUnplaced[vm]) {
            everUnplaced[vm] = true;
            unplaced++;
            return true;
        }
        return false;
    }

    public TaskStatistics tasks() {
        return tasks;
    }

    public UpdateMeasures updates() {
        return updates;
    }

    private void ensureVm(int vm) {
        if (lastMigrationEndS.length <= vm) {
            lastMigrationEndS = Arrays.copyOf(lastMigrationEndS, Math.max(vm + 1, lastMigrationEndS.length * 2));
        }
    }

    // ---- results

    public double energyKWh() {
        return integrals.energyJ() / 3_600_000;
    }

    /** What the run cost, by part, over a run of {@code durationS}; its total is the run's costUsd. */
    public CostBreakdown costs(double durationS) {
        double onDemand = integrals.costUsd() - integrals.reservedCoverUsd();
        return new CostBreakdown(onDemand, costs.reservedUsd(durationS), integrals.licencesUsd(),
                integrals.standbyUsd(), costs.energyUsd(energyKWh()), migrationsUsd,
                costs.slaUsd(integrals.overloadedHostSeconds(), tasks.lateCount(), tasks.droppedCount()));
    }

    public long migrations() {
        return migrations;
    }

    public double slatah() {
        return integrals.slatah();
    }

    public double pdm() {
        return integrals.pdm();
    }

    public double activeHostSeconds() {
        return integrals.activeHostSeconds();
    }

    public double standbyHostSeconds() {
        return integrals.standbyHostSeconds();
    }

    public int runningHostsPeak() {
        return integrals.runningHostsPeak();
    }

    public FleetPools pools() {
        return pools;
    }

    /** The most servers of pool {@code pool} running at once. */
    public int runningHostsPeak(int pool) {
        return integrals.runningHostsPeak(pool);
    }

    /** Server-seconds the servers of pool {@code pool} were active. */
    public double activeHostSeconds(int pool) {
        return integrals.activeHostSeconds(pool);
    }

    /**
     * The outcomes of the tasks of the pool a task asking for {@code demand} runs in (the first of its pools when
     * it may run in several), or null without pools or when no pool runs it.
     */
    public TaskStatistics poolTasks(Resources demand) {
        if (pools.isNone()) {
            return null;
        }
        int routes = pools.routesOf(demand);
        return routes == 0 ? null : poolTasks[Integer.numberOfTrailingZeros(routes)];
    }

    /** The outcomes of the tasks of pool {@code pool}. */
    public TaskStatistics poolTasks(int pool) {
        return poolTasks[pool];
    }

    public long hostShutdowns() {
        return hostShutdowns;
    }

    public double meanTimeBeforeHostShutdownS() {
        return hostShutdowns > 0 ? shutdownUptimeSum / hostShutdowns : Double.NaN;
    }

    public double meanTimeBeforeVmMigrationS() {
        return migrations > 0 ? timesBeforeMigrationSum / migrations : Double.NaN;
    }

    public long failovers() {
        return failovers;
    }

    /** Failovers whose VMs were not all running again when the run ended: no time to recover counts them. */
    public long failoversUnrecovered() {
        return failovers - recoveryTimes.size();
    }

    /** Over the failovers that recovered before the run ended. */
    public double meanTimeToRecoverS() {
        return mean(recoveryTimes);
    }

    public double maxTimeToRecoverS() {
        return recoveryTimes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * From a scale-out asking for servers (none being awaited) until every server asked for meanwhile is
     * active, averaged over those episodes: how soon a surge gets its capacity.
     */
    public double meanTimeToCapacityS() {
        return mean(timesToCapacity);
    }

    public double maxTimeToCapacityS() {
        return timesToCapacity.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public long unplaced() {
        return unplaced;
    }

    private static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }
}
