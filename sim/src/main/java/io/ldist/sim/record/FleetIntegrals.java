package io.ldist.sim.record;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.pool.FleetPools;
import io.ldist.sim.world.VirtualFleet;

import java.util.Arrays;

/**
 * The run's measures integrated over time, server by server, as Beloglazov and Buyya define them and CloudSim
 * computes them:
 * <ul>
 *   <li>energy: per powered server, the mean of its power at the start and at the end of each stretch times
 *       its length (utilisation moves linearly between trace samples);</li>
 *   <li>SLATAH: time that servers with load spent giving their VMs less than they asked, over the time they
 *       had load;</li>
 *   <li>PDM: CPU that migrating VMs asked for and did not get, over all CPU VMs asked for;</li>
 *   <li>cost: running servers' on-demand price and licence over time, and the part of it that reservations
 *       cover ({@link ReservationLedger}); stopped servers' storage; mean active servers over the run.</li>
 * </ul>
 * Values at the start of a stretch are those just after the events of that instant; the power at its end is
 * taken just before the events of the next instant.
 *
 * <p>A server whose allocation did not change over several stretches is integrated once over all of them, when
 * it next changes or the totals are read: the fleet says which servers it reallocated, so the work per instant
 * follows the servers that changed, not the fleet (the sums differ from stretch-by-stretch ones only in rounding).
 */
final class FleetIntegrals {
    private final CostModel costs;
    /** Null when no host type has a reservation. */
    private final ReservationLedger reservations;
    private double lastS;
    private boolean started;

    private double energyJ;
    private double costUsd;
    private double licencesUsd;
    private double standbyUsd;
    private double activeHostSeconds;
    private double standbyHostSeconds;
    /** Servers running (paid for at their hourly price) now, and the most at once so far. */
    private int runningNow;
    private int runningPeak;
    private double loadedHostSeconds;
    private double violationHostSeconds;
    private double requestedMipsSeconds;
    private double migrationShortfallMipsSeconds;
    /** With pools: each server's pool, and per pool its servers running now, the most at once, active seconds. */
    private final FleetPools pools;
    private int[] hostPool = new int[0];
    private final int[] runningNowByPool;
    private final int[] runningPeakByPool;
    private final double[] activeSecondsByPool;

    // Per server, its state since `sinceS`, unchanged until then.
    private int hosts;
    private double[] sinceS = new double[0];
    private double[] powerW = new double[0];
    private double[] priceUsdPerHour = new double[0];
    private double[] licenceUsdPerHour = new double[0];
    private double[] stoppedUsdPerHour = new double[0];
    private boolean[] standby = new boolean[0];
    private boolean[] powered = new boolean[0];
    private boolean[] billed = new boolean[0];
    private boolean[] active = new boolean[0];
    private boolean[] loaded = new boolean[0];
    private boolean[] violating = new boolean[0];
    /** CPU the server's VMs ask for, and what migrating VMs among them ask for and do not get. */
    private double[] requestedMips = new double[0];
    private double[] shortfallMips = new double[0];

    FleetIntegrals(CostModel costs, FleetPools pools) {
        this.costs = costs;
        this.pools = pools;
        int count = pools.pools().size();
        this.runningNowByPool = new int[count];
        this.runningPeakByPool = new int[count];
        this.activeSecondsByPool = new double[count];
        this.reservations = costs.reserves() ? new ReservationLedger(costs) : null;
    }

    /**
     * Closes the stretch that ends at {@code t}: the fleet's allocation reflects demands at {@code t} with the
     * placement of the stretch (before any event of {@code t}).
     */
    void closeStretch(double t, VirtualFleet fleet) {
        if (!started) {
            lastS = t;
            started = true;
            fleet.takeChanges();
            return;
        }
        if (t - lastS <= 0) {
            return;
        }
        if (fleet.allChanged()) {
            for (int h = 0; h < hosts; h++) {
                settleWithEnd(h, t, fleet);
            }
        } else {
            for (int i = 0; i < fleet.changedHosts().size(); i++) {
                int h = fleet.changedHosts().get(i);
                if (h < hosts) {
                    settleWithEnd(h, t, fleet);
                }
            }
        }
        fleet.takeChanges();
        lastS = t;
    }

    /** Takes the state just after the events of the current instant as the start of the next stretch. */
    void openStretch(VirtualFleet fleet) {
        int known = hosts;
        ensureHosts(fleet.hostCount());
        if (fleet.allChanged()) {
            for (int h = 0; h < hosts; h++) {
                open(h, fleet, h < known);
            }
        } else {
            for (int i = 0; i < fleet.changedHosts().size(); i++) {
                int h = fleet.changedHosts().get(i);
                if (h < known) {
                    open(h, fleet, true);
                }
            }
            for (int h = known; h < hosts; h++) {
                open(h, fleet, false);
            }
        }
        fleet.takeChanges();
    }

    /** Integrates a server whose utilisation changed at {@code t}: constant up to the last instant, then linear. */
    private void settleWithEnd(int h, double t, VirtualFleet fleet) {
        settle(h, lastS);
        double dt = t - lastS;
        if (powered[h]) {
            double endUtilization = fleet.isCrashed(h) ? 0 : fleet.hostCpuUtilization(h);
            energyJ += (powerW[h] + fleet.hostType(h).power().watts(endUtilization)) / 2 * dt;
        }
        addConstant(h, dt);
        // What the fleet shows now starts the next stretch, unless the instant's events change it again (then
        // the open takes it once more).
        take(h, fleet, t);
    }

    /** Integrates a server's unchanged state from when it last changed up to {@code t}. */
    private void settle(int h, double t) {
        double dt = t - sinceS[h];
        if (dt <= 0) {
            return;
        }
        if (powered[h]) {
            energyJ += powerW[h] * dt;
        }
        addConstant(h, dt);
        sinceS[h] = t;
    }

    private void addConstant(int h, double dt) {
        if (billed[h]) {
            costUsd += priceUsdPerHour[h] * dt / 3600;
            licencesUsd += licenceUsdPerHour[h] * dt / 3600;
        } else if (standby[h]) {
            standbyUsd += stoppedUsdPerHour[h] * dt / 3600;
            standbyHostSeconds += dt;
        }
        if (active[h]) {
            activeHostSeconds += dt;
            if (hostPool[h] >= 0) {
                activeSecondsByPool[hostPool[h]] += dt;
            }
        }
        if (loaded[h]) {
            loadedHostSeconds += dt;
            if (violating[h]) {
                violationHostSeconds += dt;
            }
        }
        requestedMipsSeconds += requestedMips[h] * dt;
        migrationShortfallMipsSeconds += shortfallMips[h] * dt;
    }

    private void open(int h, VirtualFleet fleet, boolean known) {
        if (known) {
            settle(h, lastS);
        }
        take(h, fleet, lastS);
    }

    /** Takes the server's state as the fleet shows it as the start of a stretch from {@code t}. */
    private void take(int h, VirtualFleet fleet, double t) {
        sinceS[h] = t;
        HostState state = fleet.hostState(h);
        boolean running = state.isRunning();
        boolean crashed = fleet.isCrashed(h);
        hostPool[h] = pools.isNone() ? -1 : pools.poolOf(fleet.hostType(h));
        if (reservations != null && billed[h] != running) {
            reservations.change(fleet.hostType(h), t, running ? 1 : -1);
        }
        if (billed[h] != running) {
            runningNow += running ? 1 : -1;
            runningPeak = Math.max(runningPeak, runningNow);
            int p = hostPool[h];
            if (p >= 0) {
                runningNowByPool[p] += running ? 1 : -1;
                runningPeakByPool[p] = Math.max(runningPeakByPool[p], runningNowByPool[p]);
            }
        }
        billed[h] = running;
        standby[h] = state == HostState.STANDBY;
        powered[h] = running && !crashed;
        active[h] = state == HostState.ACTIVE || state == HostState.DRAINING;
        double utilization = powered[h] ? fleet.hostCpuUtilization(h) : 0;
        powerW[h] = fleet.hostType(h).power().watts(utilization);
        priceUsdPerHour[h] = fleet.hostType(h).priceUsdPerHour();
        HostTypeCosts typeCosts = costs.of(fleet.hostType(h).name());
        licenceUsdPerHour[h] = typeCosts.licenceUsdPerHour();
        stoppedUsdPerHour[h] = typeCosts.stoppedUsdPerHour();
        loaded[h] = powered[h] && fleet.allocatedMips(h) > 0;
        violating[h] = fleet.allocatedMips(h) < fleet.requestedMips(h);
        double requested = 0;
        double shortfall = 0;
        for (int i = 0; i < fleet.hostVmCount(h); i++) {
            int v = fleet.hostVm(h, i);
            VmStatus status = fleet.vmStatus(v);
            if (status == VmStatus.RUNNING || status == VmStatus.MIGRATING) {
                double asked = fleet.vmCpuDemandMips(v);
                requested += asked;
                if (status == VmStatus.MIGRATING) {
                    shortfall += Math.max(0, asked - fleet.givenMips(v));
                }
            }
        }
        requestedMips[h] = requested;
        shortfallMips[h] = shortfall;
    }

    /** Brings every server's integral up to the last instant, so that the totals can be read. */
    private void settleAll() {
        for (int h = 0; h < hosts; h++) {
            settle(h, lastS);
        }
    }

    double energyJ() {
        settleAll();
        return energyJ;
    }

    /** Every running server's time at its on-demand price, whether a reservation covers it or not. */
    double costUsd() {
        settleAll();
        return costUsd;
    }

    /** The on-demand price of the running time that reservations cover (paid by the reservation instead). */
    double reservedCoverUsd() {
        settleAll();
        return reservations == null ? 0 : reservations.coveredUsd(lastS);
    }

    double licencesUsd() {
        settleAll();
        return licencesUsd;
    }

    double standbyUsd() {
        settleAll();
        return standbyUsd;
    }

    /** Server-seconds that loaded servers gave their VMs less CPU than they asked for (SLATAH's numerator). */
    double overloadedHostSeconds() {
        settleAll();
        return violationHostSeconds;
    }

    /** Server-seconds spent stopped in the standby pool. */
    double standbyHostSeconds() {
        settleAll();
        return standbyHostSeconds;
    }

    /** The most servers running (booting, active, draining or updating) at once. */
    int runningHostsPeak() {
        return runningPeak;
    }

    double activeHostSeconds() {
        settleAll();
        return activeHostSeconds;
    }

    /** The most servers of pool {@code pool} running at once. */
    int runningHostsPeak(int pool) {
        return runningPeakByPool[pool];
    }

    /** Server-seconds servers of pool {@code pool} were active. */
    double activeHostSeconds(int pool) {
        settleAll();
        return activeSecondsByPool[pool];
    }

    /**
     * The sums SLATAH and PDM are ratios of, as they stand now (violating and loaded server-seconds, migration
     * shortfall and requested MIPS-seconds), so that a stretch of the run can have its own SLAV.
     */
    double[] slaSums() {
        settleAll();
        return new double[] {violationHostSeconds, loadedHostSeconds, migrationShortfallMipsSeconds,
                requestedMipsSeconds};
    }

    double slatah() {
        settleAll();
        return loadedHostSeconds > 0 ? violationHostSeconds / loadedHostSeconds : 0;
    }

    double pdm() {
        settleAll();
        return requestedMipsSeconds > 0 ? migrationShortfallMipsSeconds / requestedMipsSeconds : 0;
    }

    private void ensureHosts(int n) {
        if (n <= hosts) {
            return;
        }
        if (n > sinceS.length) {
            int capacity = Math.max(n, sinceS.length * 2);
            sinceS = Arrays.copyOf(sinceS, capacity);
            hostPool = Arrays.copyOf(hostPool, capacity);
            powerW = Arrays.copyOf(powerW, capacity);
            priceUsdPerHour = Arrays.copyOf(priceUsdPerHour, capacity);
            licenceUsdPerHour = Arrays.copyOf(licenceUsdPerHour, capacity);
            stoppedUsdPerHour = Arrays.copyOf(stoppedUsdPerHour, capacity);
            standby = Arrays.copyOf(standby, capacity);
            powered = Arrays.copyOf(powered, capacity);
            billed = Arrays.copyOf(billed, capacity);
            active = Arrays.copyOf(active, capacity);
            loaded = Arrays.copyOf(loaded, capacity);
            violating = Arrays.copyOf(violating, capacity);
            requestedMips = Arrays.copyOf(requestedMips, capacity);
            shortfallMips = Arrays.copyOf(shortfallMips, capacity);
        }
        hosts = n;
    }
}
