package io.ldist.sim.kernel;

import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostState;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.SimTask;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Servers crashing and coming back: the scenario's scripted and random crashes, repairs, and the health rounds
 * in which a crashed server misses its checks until the engine fences it off. A server that finishes booting
 * joins the random crash schedule.
 */
final class FaultsAndHealth {
    private final SimulationSpec spec;
    private final VirtualFleet fleet;
    private final TaskBook tasks;
    private final EventQueue events;
    private final SimExecutor executor;
    private final EventLog log;
    private final SplittableRandom crashRandom;
    private final DecisionRequests requests;
    private final TimeseriesSampler timeseries;

    private boolean[] repairDue = new boolean[0];
    /**
     * Servers a health round must look at: crashed ones (they miss checks) and those to bring back once fenced.
     * Every other server answers its checks, so a round costs the servers in trouble, not the fleet.
     */
    private final TreeSet<Integer> inTrouble = new TreeSet<>();

    FaultsAndHealth(SimulationSpec spec, RunWorld world, SplittableRandom crashRandom, DecisionRequests requests,
                    TimeseriesSampler timeseries) {
        this.spec = spec;
        this.fleet = world.fleet();
        this.tasks = world.tasks();
        this.events = world.events();
        this.executor = world.executor();
        this.log = world.log();
        this.crashRandom = crashRandom;
        this.requests = requests;
        this.timeseries = timeseries;
    }

    /** The scripted crashes, then a first random one for each server in service. */
    void scheduleCrashes() {
        Faults faults = spec.faults();
        for (Faults.HostCrash crash : faults.crashes()) {
            events.schedule(crash.atS(), new SimEvent.HostCrashed(crash.host(), crash.repairAfterS()));
        }
        if (faults.random() != null) {
            for (int h = 0; h < fleet.hostCount(); h++) {
                if (fleet.hostState(h) == HostState.ACTIVE) {
                    scheduleRandomCrash(h);
                }
            }
        }
    }

    /** Health rounds only find something when servers can crash. */
    void scheduleFirstHealthCheck() {
        Faults faults = spec.faults();
        if (!faults.crashes().isEmpty() || faults.random() != null) {
            events.schedule(spec.healthCheckIntervalS(), new SimEvent.HealthCheckDue());
        }
    }

    void onBootCompleted(int host) {
        if (fleet.hostState(host) != HostState.BOOTING) {
            return;
        }
        if (fleet.intoStandby(host)) {
            fleet.setHostState(host, HostState.STANDBY);
            fleet.setIntoStandby(host, false);
            return;
        }
        fleet.setHostState(host, HostState.ACTIVE);
        executor.hostBooted(host);
        if (spec.faults().random() != null) {
            scheduleRandomCrash(host);
        }
        requests.request(Trigger.CAPACITY_FREED);
    }

    private void scheduleRandomCrash(int host) {
        Faults.RandomCrashes random = spec.faults().random();
        double at = fleet.nowS() - random.mtbfS() * Math.log(1 - crashRandom.nextDouble());
        double repair = -random.mttrS() * Math.log(1 - crashRandom.nextDouble());
        if (at < spec.durationS()) {
            events.schedule(at, new SimEvent.HostCrashed(host, Math.max(repair, 1e-9)));
        }
    }

    void onHostCrashed(int target, double repairAfterS) {
        int host = target == Faults.HostCrash.BUSIEST ? busiestActiveHost() : target;
        HostState state = host < 0 || host >= fleet.hostCount() ? null : fleet.hostState(host);
        if (state == null || fleet.isCrashed(host) || (state != HostState.ACTIVE && state != HostState.DRAINING)) {
            return; // only a server in service crashes; one booting, stopped or failed is left alone
        }
        double t = fleet.nowS();
        fleet.setCrashed(host, true);
        inTrouble.add(host);
        executor.hostCrashed(host, t);
        for (int i = 0; i < fleet.hostVmCount(host); i++) {
            for (SimTask task : tasks.tasksOn(fleet.hostVm(host, i))) {
                tasks.freeze(task, t);
            }
        }
        timeseries.hostCrashed();
        log.accept(new EventRow(t, "HostCrashed", "FAULT", host, -1, -1, -1,
                Double.isInfinite(repairAfterS) ? "no repair" : "repair after " + repairAfterS + " s"));
        if (Double.isFinite(repairAfterS)) {
            events.schedule(t + repairAfterS, new SimEvent.HostRepaired(host));
        }
    }

    private int busiestActiveHost() {
        int busiest = -1;
        long most = -1;
        for (int h = 0; h < fleet.hostCount(); h++) {
            if (fleet.hostState(h) != HostState.ACTIVE || fleet.isCrashed(h)) {
                continue;
            }
            long tasksHere = 0;
            for (int i = 0; i < fleet.hostVmCount(h); i++) {
                tasksHere += tasks.runningOn(fleet.hostVm(h, i));
            }
            long weight = tasksHere * 1_000 + fleet.hostVmCount(h);
            if (weight > most) {
                most = weight;
                busiest = h;
            }
        }
        return busiest;
    }

    /** A repaired server rejoins the standby pool, empty, once it has been fenced off. */
    void onHostRepaired(int host) {
        if (fleet.hostState(host) == HostState.FAILED) {
            bringBack(host);
        } else {
            ensureRepairFlags(host);
            repairDue[host] = true; // not fenced yet: it comes back as soon as it is
            inTrouble.add(host);
        }
    }

    private void bringBack(int host) {
        fleet.setCrashed(host, false);
        fleet.setMissedChecks(host, 0);
        fleet.setHostState(host, HostState.STANDBY);
        ensureRepairFlags(host);
        repairDue[host] = false;
        log.accept(new EventRow(fleet.nowS(), "HostRepaired", "FAULT", host, -1, -1, -1, "back in standby"));
    }

    private void ensureRepairFlags(int host) {
        if (repairDue.length <= host) {
            repairDue = Arrays.copyOf(repairDue, Math.max(host + 1, fleet.hostCount()));
        }
    }

    /** A health round: crashed servers miss a check, fenced and repaired ones come back. */
    void onHealthCheck() {
        boolean anyMissed = false;
        for (Iterator<Integer> it = inTrouble.iterator(); it.hasNext(); ) {
            int h = it.next();
            HostState state = fleet.hostState(h);
            if (state == HostState.FAILED && h < repairDue.length && repairDue[h]) {
                bringBack(h);
                requests.somethingBesidesTasksChanged();
                it.remove();
                continue;
            }
            if (state == HostState.ACTIVE || state == HostState.DRAINING) {
                int missed = fleet.isCrashed(h) ? fleet.missedHealthChecks(h) + 1 : 0;
                fleet.setMissedChecks(h, missed);
                anyMissed |= missed > 0;
            }
            if (!fleet.isCrashed(h) && !(h < repairDue.length && repairDue[h])) {
                it.remove(); // answering again, nothing due
            }
        }
        if (anyMissed) {
            requests.somethingBesidesTasksChanged();
            requests.request(Trigger.HEALTH_CHECK);
        }
        double next = fleet.nowS() + spec.healthCheckIntervalS();
        if (next < spec.durationS()) {
            events.schedule(next, new SimEvent.HealthCheckDue());
        }
    }
}
