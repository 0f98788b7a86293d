package io.ldist.sim.record;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmStatus;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Integrates the run's measures between state points (every event time), as Beloglazov and Buyya define them
 * and CloudSim computes them:
 * <ul>
 *   <li>energy: per powered server, the mean of its power at the start and at the end of each stretch times
 *       its length (utilisation moves linearly between trace samples);</li>
 *   <li>SLATAH: time that servers with load spent giving their VMs less than they asked, over the time they
 *       had load;</li>
 *   <li>PDM: CPU that migrating VMs asked for and did not get, over all CPU VMs asked for;</li>
 *   <li>cost: running servers' price over time; mean active servers over the run.</li>
 * </ul>
 * Values at the start of a stretch are those just after the events of that instant; the power at its end is
 * taken just before the events of the next instant.
 */
public final class RunRecorder {
    private double lastS;
    private boolean started;

    private double energyJ;
    private double costUsd;
    private double activeHostSeconds;
    private double loadedHostSeconds;
    private double violationHostSeconds;
    private double requestedMipsSeconds;
    private double migrationShortfallMipsSeconds;

    // State at the start of the current stretch.
    private double[] utilization = new double[0];
    private boolean[] powered = new boolean[0];
    private boolean[] billed = new boolean[0];
    private boolean[] active = new boolean[0];
    private boolean[] loaded = new boolean[0];
    private boolean[] violating = new boolean[0];
    private double[] vmRequested = new double[0];
    private double[] vmShortfall = new double[0];

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
    private boolean[] everUnplaced = new boolean[0];
    private long unplaced;

    /**
     * Closes the stretch that ends at {@code t}: the fleet's allocation must reflect demands at {@code t}
     * with the placement of the stretch (before any event of {@code t}).
     */
    public void closeStretch(double t, VirtualFleet fleet) {
        if (!started) {
            lastS = t;
            started = true;
            return;
        }
        double dt = t - lastS;
        if (dt <= 0) {
            return;
        }
        int hosts = Math.min(fleet.hostCount(), utilization.length);
        for (int h = 0; h < hosts; h++) {
            HostType type = fleet.hostType(h);
            if (powered[h]) {
                double endUtilization = fleet.isCrashed(h) ? 0 : fleet.hostCpuUtilization(h);
                energyJ += (type.power().watts(utilization[h]) + type.power().watts(endUtilization)) / 2 * dt;
            }
            if (billed[h]) {
                costUsd += type.priceUsdPerHour() * dt / 3600;
            }
            if (active[h]) {
                activeHostSeconds += dt;
            }
            if (loaded[h]) {
                loadedHostSeconds += dt;
                if (violating[h]) {
                    violationHostSeconds += dt;
                }
            }
        }
        int vms = Math.min(fleet.vmCount(), vmRequested.length);
        for (int v = 0; v < vms; v++) {
            requestedMipsSeconds += vmRequested[v] * dt;
            migrationShortfallMipsSeconds += vmShortfall[v] * dt;
        }
        lastS = t;
    }

    /** Takes the state just after the events of the current instant as the start of the next stretch. */
    public void openStretch(VirtualFleet fleet) {
        int hosts = fleet.hostCount();
        if (utilization.length < hosts) {
            int capacity = Math.max(hosts, utilization.length * 2);
            utilization = Arrays.copyOf(utilization, capacity);
            powered = Arrays.copyOf(powered, capacity);
            billed = Arrays.copyOf(billed, capacity);
            active = Arrays.copyOf(active, capacity);
            loaded = Arrays.copyOf(loaded, capacity);
            violating = Arrays.copyOf(violating, capacity);
        }
        for (int h = 0; h < hosts; h++) {
            HostState state = fleet.hostState(h);
            boolean running = state.isRunning();
            boolean crashed = fleet.isCrashed(h);
            billed[h] = running;
            powered[h] = running && !crashed;
            active[h] = (state == HostState.ACTIVE || state == HostState.DRAINING);
            utilization[h] = powered[h] ? fleet.hostCpuUtilization(h) : 0;
            loaded[h] = powered[h] && fleet.allocatedMips(h) > 0;
            violating[h] = fleet.allocatedMips(h) < fleet.requestedMips(h);
        }
        int vms = fleet.vmCount();
        if (vmRequested.length < vms) {
            int capacity = Math.max(vms, vmRequested.length * 2);
            vmRequested = Arrays.copyOf(vmRequested, capacity);
            vmShortfall = Arrays.copyOf(vmShortfall, capacity);
        }
        for (int v = 0; v < vms; v++) {
            VmStatus status = fleet.vmStatus(v);
            boolean placed = status == VmStatus.RUNNING || status == VmStatus.MIGRATING;
            double requested = placed ? fleet.vmCpuDemandMips(v) : 0;
            vmRequested[v] = requested;
            vmShortfall[v] = status == VmStatus.MIGRATING ? Math.max(0, requested - fleet.givenMips(v)) : 0;
        }
    }

    // ---- counted events

    public void migrationStarted(int vm, double now) {
        migrations++;
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

    public void failover() {
        failovers++;
    }

    public void recovered(double timeToRecoverS) {
        recoveryTimes.add(timeToRecoverS);
    }

    /** A VM waited for a server at a decision and got none; each VM counts once per run. */
    public void vmLeftUnplaced(int vm) {
        if (everUnplaced.length <= vm) {
            everUnplaced = Arrays.copyOf(everUnplaced, Math.max(vm + 1, everUnplaced.length * 2));
        }
        if (!everUnplaced[vm]) {
            everUnplaced[vm] = true;
            unplaced++;
        }
    }

    public TaskStatistics tasks() {
        return tasks;
    }

    private void ensureVm(int vm) {
        if (lastMigrationEndS.length <= vm) {
            lastMigrationEndS = Arrays.copyOf(lastMigrationEndS, Math.max(vm + 1, lastMigrationEndS.length * 2));
        }
    }

    // ---- results

    public double energyKWh() {
        return energyJ / 3_600_000;
    }

    public double costUsd() {
        return costUsd;
    }

    public long migrations() {
        return migrations;
    }

    public double slatah() {
        return loadedHostSeconds > 0 ? violationHostSeconds / loadedHostSeconds : 0;
    }

    public double pdm() {
        return requestedMipsSeconds > 0 ? migrationShortfallMipsSeconds / requestedMipsSeconds : 0;
    }

    public double activeHostSeconds() {
        return activeHostSeconds;
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
