package io.ldist.sim.world;

import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.PlanValidator;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.StopHost;
import io.ldist.engine.plan.TerminateHost;
import io.ldist.engine.plan.UpdateHost;
import io.ldist.sim.kernel.EventQueue;
import io.ldist.sim.kernel.SimEvent;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.record.TaskStatistics;
import io.ldist.scenario.spec.TaskRecovery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Applies the engine's plans to the virtual fleet and schedules what follows from them (boots, migration
 * completions, task completions). Each action is first checked by {@link PlanValidator} against the fleet as
 * the plan's earlier actions left it; one that cannot be applied means the engine proposed something
 * impossible: the run stops with an {@link IllegalStateException} naming the action, rather than carry on
 * from a corrupted fleet.
 */
public final class SimExecutor {
    /** What applying a plan changed that deserves another decision at the same instant. */
    public record Outcome(boolean capacityChanged, boolean tasksQueued) { }

    private final VirtualFleet fleet;
    private final FleetRules rules;
    private final EventQueue events;
    private final RunRecorder recorder;
    private final EventLog log;
    private final TaskRecovery recovery;
    private final boolean taskWorkload;
    private final Map<Integer, Failover> failoverOfVm = new HashMap<>();
    /** Downtime of each server draining for its update, by server. */
    private final Map<Integer, Double> updateDowntimeS = new HashMap<>();
    private static final byte AFTER_DRAIN_STOP = 1;
    private static final byte AFTER_DRAIN_TERMINATE = 2;
    private static final byte AFTER_DRAIN_UPDATE = 3;
    private double[] crashedAtS = new double[0];

    private static final class Failover {
        final double crashedAtS;
        int vmsToPlace;

        Failover(double crashedAtS, int vmsToPlace) {
            this.crashedAtS = crashedAtS;
            this.vmsToPlace = vmsToPlace;
        }
    }

    public SimExecutor(VirtualFleet fleet, FleetRules rules, EventQueue events, RunRecorder recorder, EventLog log,
                       TaskRecovery recovery, boolean taskWorkload) {
        this.fleet = fleet;
        this.rules = rules;
        this.events = events;
        this.recorder = recorder;
        this.log = log;
        this.recovery = recovery;
        this.taskWorkload = taskWorkload;
    }

    /** Remembers when a server crashed, to measure the time to recover once its VMs run again. */
    public void hostCrashed(int host, double atS) {
        if (crashedAtS.length <= host) {
            crashedAtS = java.util.Arrays.copyOf(crashedAtS, Math.max(host + 1, crashedAtS.length * 2));
        }
        crashedAtS[host] = atS;
    }

    public Outcome apply(Plan plan) {
        boolean capacityChanged = false;
        boolean tasksQueued = false;
        for (Action action : plan.actions()) {
            try {
                require(PlanValidator.problem(action, fleet, rules.maxVmsPerHost()));
                if (action instanceof PlaceVm a) {
                    placeVm(a);
                    capacityChanged = true;
                } else if (action instanceof MigrateVm a) {
                    migrateVm(a);
                } else if (action instanceof AssignTask a) {
                    assignTask(a);
                } else if (action instanceof LaunchHost a) {
                    launchHost(a);
                } else if (action instanceof ResumeHost a) {
                    capacityChanged |= resumeHost(a);
                } else if (action instanceof StopHost a) {
                    stopHost(a);
                } else if (action instanceof TerminateHost a) {
                    terminateHost(a);
                } else if (action instanceof DrainHost a) {
                    drainHost(a);
                } else if (action instanceof FenceHost a) {
                    tasksQueued |= fenceHost(a);
                } else if (action instanceof UpdateHost a) {
                    updateHost(a);
                }
            } catch (IllegalStateException e) {
                throw new IllegalStateException("at t=" + fleet.nowS() + "s the engine proposed " + action
                        + ", which cannot be applied: " + e.getMessage(), e);
            }
        }
        return new Outcome(capacityChanged, tasksQueued);
    }

    // ---------------------------------------------------------------- VMs

    private void placeVm(PlaceVm a) {
        int vm = a.vm().index();
        int host = a.host().index();
        if (vm == fleet.vmCount()) {
            fleet.addVm(a.type());
        }
        fleet.place(vm, host);
        if (taskWorkload) {
            fleet.setDemand(vm, 0, 0, 0);
        }
        recorder.vmStarted(vm, fleet.nowS());
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, vm, -1, -1, a.type().name()));
        Failover failover = failoverOfVm.remove(vm);
        if (failover != null && --failover.vmsToPlace == 0) {
            recorder.recovered(fleet.nowS() - failover.crashedAtS);
        }
    }

    private void migrateVm(MigrateVm a) {
        int vm = a.vm().index();
        int from = a.from().index();
        int to = a.to().index();
        double link = Math.min(fleet.hostType(from).netMbps(), fleet.hostType(to).netMbps());
        double ramMb = fleet.vmType(vm).ramMb();
        double durationS = fleet.migration().durationS(ramMb, link);
        double end = fleet.nowS() + durationS;
        fleet.startMigration(vm, to, end);
        events.schedule(end, new SimEvent.MigrationCompleted(vm));
        recorder.migrationStarted(vm, fleet.nowS(), ramMb, durationS);
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), from, vm, to, -1, ""));
    }

    /** The VM arrives; a draining source may now be empty. */
    public void completeMigration(int vm) {
        int from = fleet.vmHost(vm);
        int to = fleet.vmMigrationTarget(vm);
        if (to < 0) {
            return; // cancelled meanwhile
        }
        if (fleet.isCrashed(from) || fleet.isCrashed(to) || fleet.hostState(to) != HostState.ACTIVE) {
            fleet.cancelMigration(vm);
            return;
        }
        fleet.completeMigration(vm);
        recorder.migrationCompleted(vm, fleet.nowS());
        finishDrainIfDone(from);
    }

    // ---------------------------------------------------------------- tasks

    private void assignTask(AssignTask a) {
        int vm = a.vm().index();
        SimTask task = fleet.tasks().get(a.task().value());
        require(task.status() == SimTask.Status.QUEUED, () -> a.task() + " is " + task.status());
        int host = fleet.vmHost(vm);
        boolean firstStart = Double.isNaN(task.firstStartS());
        fleet.tasks().start(task, vm, fleet.nowS());
        if (firstStart) {
            recorder.tasks().firstStart(task.spec().tier(), fleet.nowS() - task.spec().arrivalS());
            TaskStatistics pool = recorder.poolTasks(task.demand());
            if (pool != null) {
                pool.firstStart(0, fleet.nowS() - task.spec().arrivalS());
            }
        }
        refreshTaskDemand(vm);
        if (fleet.isCrashed(host)) {
            fleet.tasks().freeze(task, fleet.nowS()); // a dead server makes no progress
        } else {
            events.schedule(fleet.nowS() + task.remainingWorkS(),
                    new SimEvent.TaskRunEnded(task.id(), task.runSerial()));
        }
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, vm, -1, task.id(), ""));
    }

    /** Puts the VM's demand back in line with the tasks it runs. */
    public void refreshTaskDemand(int vm) {
        TaskBook tasks = fleet.tasks();
        fleet.setDemand(vm, tasks.cpuOn(vm), tasks.ramOn(vm), tasks.gpuOn(vm));
    }

    // ---------------------------------------------------------------- servers

    private void launchHost(LaunchHost a) {
        int host = fleet.addHost(a.type(), HostState.BOOTING);
        fleet.setIntoStandby(host, a.intoStandby());
        if (a.reason() == Reason.SCALE_OUT && !a.intoStandby()) {
            recorder.capacityAsked(host, fleet.nowS());
        }
        if (a.reason() == Reason.ROLLING_UPDATE) {
            recorder.updates().capacityAdded(a.type().priceUsdPerHour(), fleet.nowS());
        }
        events.schedule(fleet.nowS() + a.type().bootTimeS(), new SimEvent.BootCompleted(host));
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1,
                a.type().name() + (a.intoStandby() ? " into standby" : "")));
    }

    private boolean resumeHost(ResumeHost a) {
        int host = a.host().index();
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1, ""));
        double resume = fleet.hostType(host).resumeTimeS();
        if (a.reason() == Reason.SCALE_OUT) {
            recorder.capacityAsked(host, fleet.nowS());
        }
        if (a.reason() == Reason.ROLLING_UPDATE) {
            recorder.updates().capacityAdded(fleet.hostType(host).priceUsdPerHour(), fleet.nowS());
        }
        if (resume == 0) {
            fleet.setHostState(host, HostState.ACTIVE);
            recorder.capacityArrived(host, fleet.nowS());
            return true;
        }
        fleet.setHostState(host, HostState.BOOTING);
        fleet.setIntoStandby(host, false);
        events.schedule(fleet.nowS() + resume, new SimEvent.BootCompleted(host));
        return false;
    }

    /** A booting server became active. */
    public void hostBooted(int host) {
        recorder.capacityArrived(host, fleet.nowS());
    }

    private void stopHost(StopHost a) {
        int host = a.host().index();
        shutDown(host, HostState.STANDBY);
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1, ""));
    }

    private void terminateHost(TerminateHost a) {
        int host = a.host().index();
        shutDown(host, HostState.TERMINATED);
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1, ""));
    }

    private void drainHost(DrainHost a) {
        int host = a.host().index();
        fleet.setHostState(host, HostState.DRAINING);
        fleet.setAfterDrain(host, a.then() == DrainHost.AfterDrain.STOP ? AFTER_DRAIN_STOP : AFTER_DRAIN_TERMINATE);
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1,
                "then " + a.then().name().toLowerCase(java.util.Locale.ROOT)));
        finishDrainIfDone(host);
    }

    /**
     * A draining server is done when nothing runs on it any more: trace VMs have all left; task VMs have no
     * task left (they are then removed with their server).
     */
    public void finishDrainIfDone(int host) {
        if (fleet.hostState(host) != HostState.DRAINING || fleet.hostIncomingVmCount(host) > 0) {
            return;
        }
        for (int i = 0; i < fleet.hostVmCount(host); i++) {
            int vm = fleet.hostVm(host, i);
            if (!taskWorkload || fleet.vmStatus(vm) == VmStatus.MIGRATING || fleet.tasks().runningOn(vm) > 0) {
                return;
            }
        }
        while (fleet.hostVmCount(host) > 0) {
            fleet.finish(fleet.hostVm(host, 0));
        }
        if (fleet.afterDrain(host) == AFTER_DRAIN_UPDATE) {
            startUpdate(host);
            return;
        }
        shutDown(host, fleet.afterDrain(host) == AFTER_DRAIN_TERMINATE ? HostState.TERMINATED : HostState.STANDBY);
    }

    /** A drain whose end is an update rather than a stop: what the server runs leaves first (see finishDrainIfDone). */
    private void updateHost(UpdateHost a) {
        int host = a.host().index();
        fleet.setHostState(host, HostState.DRAINING);
        fleet.setAfterDrain(host, AFTER_DRAIN_UPDATE);
        updateDowntimeS.put(host, a.downtimeS());
        recorder.updates().serverTakenOut(host, fleet.nowS());
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1,
                String.format(java.util.Locale.ROOT, "drain, then %.0f s down for the update", a.downtimeS())));
        finishDrainIfDone(host);
    }

    /** The drained server goes down for its update; it stays billed, and comes back once the downtime is over. */
    private void startUpdate(int host) {
        fleet.setHostState(host, HostState.UPDATING);
        fleet.setAfterDrain(host, (byte) 0);
        double downtime = updateDowntimeS.remove(host);
        events.schedule(fleet.nowS() + downtime, new SimEvent.HostUpdated(host));
        log.accept(new EventRow(fleet.nowS(), "HostUpdating", Reason.ROLLING_UPDATE.name(), host, -1, -1, -1,
                "drained; down for the update"));
    }

    /**
     * A server's update is done: it returns to service, active and empty. Returns false when it is no longer
     * updating (nothing to do).
     */
    public boolean hostUpdated(int host) {
        if (fleet.hostState(host) != HostState.UPDATING) {
            return false;
        }
        fleet.setHostState(host, HostState.ACTIVE);
        recorder.updates().serverBack(host, fleet.nowS());
        log.accept(new EventRow(fleet.nowS(), "HostUpdated", Reason.ROLLING_UPDATE.name(), host, -1, -1, -1,
                "back in service"));
        return true;
    }

    private void shutDown(int host, HostState to) {
        recorder.hostShutDown(fleet.nowS() - fleet.activeSinceS(host));
        fleet.setHostState(host, to);
        fleet.setAfterDrain(host, (byte) 0);
    }

    private boolean fenceHost(FenceHost a) {
        int host = a.host().index();
        recorder.failover();
        log.accept(new EventRow(fleet.nowS(), a.kind(), a.reason().name(), host, -1, -1, -1,
                fleet.isCrashed(host) ? "crashed" : "unresponsive"));
        fleet.setHostState(host, HostState.FAILED);
        fleet.setAfterDrain(host, (byte) 0);
        if (updateDowntimeS.remove(host) != null) {
            recorder.updates().serverLost(); // it was draining for an update that will not happen
        }
        // VMs on their way in go back to where they came from.
        while (fleet.hostIncomingVmCount(host) > 0) {
            fleet.cancelMigration(fleet.incomingVm(host, 0));
        }
        double crashedAt = host < crashedAtS.length && fleet.isCrashed(host) ? crashedAtS[host] : fleet.nowS();
        Failover failover = new Failover(crashedAt, fleet.hostVmCount(host));
        boolean requeued = false;
        while (fleet.hostVmCount(host) > 0) {
            int vm = fleet.hostVm(host, 0);
            for (SimTask task : fleet.tasks().tasksOn(vm)) {
                fleet.tasks().requeue(task, fleet.nowS(), recovery == TaskRecovery.RESUME);
                recorder.tasks().requeuedByFailover();
                requeued = true;
            }
            fleet.detach(vm);
            failoverOfVm.put(vm, failover);
        }
        if (failover.vmsToPlace == 0) {
            recorder.recovered(0);
        }
        return requeued;
    }

    /** A problem {@link PlanValidator} found, or null for none. */
    private static void require(String problem) {
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** A check of the simulator's own records, its message made only when needed (plans apply many actions). */
    private static void require(boolean condition, Supplier<String> problem) {
        if (!condition) {
            throw new IllegalStateException(problem.get());
        }
    }
}
