package io.ldist.sim.kernel;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.Trigger;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.RunRecorder;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.sim.world.FleetInvariants;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * A discrete-event run of one scenario: events in (time, sequence) order on a simulated clock, randomness only
 * from the scenario's seed, decisions only from the {@link Engine}. At each instant the measures are closed
 * up to it, the instant's events are applied, the engine is asked to decide when something calls for it,
 * and the state after all that opens the next stretch.
 *
 * <p>This class keeps the loop and hands each event to the part it concerns: {@link TraceReplay},
 * {@link TaskLifecycle}, {@link FaultsAndHealth}, {@link DecisionRequests} and {@link TimeseriesSampler}.
 *
 * <p>A run is single use: build one per scenario and seed.
 */
public final class Simulation {
    private final SimulationSpec spec;
    private final Engine engine;
    private final DoubleConsumer progress;

    private final EventQueue events = new EventQueue();
    private final TaskBook tasks = new TaskBook();
    private final VirtualFleet fleet;
    private final RunRecorder recorder;
    private final SimExecutor executor;

    /** The trace played back on the VMs; null for a task stream, whose VMs' demand is their tasks'. */
    private final TraceReplay trace;
    /** Null for a trace workload. */
    private final TaskLifecycle taskLifecycle;
    private final FaultsAndHealth faults;
    private final DecisionRequests requests;
    private final TimeseriesSampler timeseries;
    private boolean ran;

    public Simulation(SimulationSpec spec, Engine engine, EventLog log, DoubleConsumer progress) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.engine = Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(log, "log");
        this.progress = progress == null ? f -> { } : progress;
        this.fleet = new VirtualFleet(spec.migration(), tasks);
        this.recorder = new RunRecorder(spec.costs(), engine.rules().pools());
        // Separate random streams for the workload, task failures and crashes, split from the seed in this
        // order: a change of policy never changes which tasks arrive, so policies are compared on one workload.
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom arrivalRandom = root.split();
        SplittableRandom failureRandom = root.split();
        SplittableRandom crashRandom = root.split();
        SplittableRandom tierRandom = root.split();
        TaskStreamWorkload taskWorkload = spec.workload() instanceof TaskStreamWorkload w ? w : null;
        TaskRecovery recovery = taskWorkload != null ? taskWorkload.recovery() : TaskRecovery.RESTART;
        this.executor = new SimExecutor(fleet, engine.rules(), events, recorder, log, recovery,
                taskWorkload != null);
        this.trace = spec.workload() instanceof VmTraceWorkload w ? new TraceReplay(w, fleet, executor, log) : null;
        this.timeseries = new TimeseriesSampler(fleet, tasks, recorder);
        RunWorld world = new RunWorld(fleet, tasks, events, recorder, executor, log);
        this.requests = new DecisionRequests(engine, world, trace, timeseries, taskWorkload != null);
        this.taskLifecycle = taskWorkload == null ? null
                : new TaskLifecycle(spec, taskWorkload, world, arrivalRandom, failureRandom, tierRandom,
                        requests);
        this.faults = new FaultsAndHealth(spec, world, crashRandom, requests, timeseries);
    }

    /**
     * Checks the fleet's invariants after every applied plan (for tests: a run then fails at the first broken
     * one). They are always checked once at the end.
     */
    public Simulation checkingInvariantsAfterEveryPlan() {
        requests.checkInvariantsAfterEveryPlan();
        return this;
    }

    /**
     * Takes every decision as a whole one, never the engine's per-task path (for tests: a run must come out the
     * same either way, the per-task path being only the fast way to the same choices).
     */
    public Simulation decidingWholeOnly() {
        requests.decideWholeOnly();
        return this;
    }

    public SimulationResult run() {
        if (ran) {
            throw new IllegalStateException("a simulation runs once; build a new one");
        }
        ran = true;
        long started = System.nanoTime();
        setUp();
        double end = spec.durationS();
        double nextProgress = 0;
        while (!events.isEmpty() && events.nextTimeS() <= end) {
            double t = events.nextTimeS();
            advanceTo(t);
            while (!events.isEmpty() && events.nextTimeS() == t) {
                handle(events.poll());
                if (requests.hasPending() && (events.isEmpty() || events.nextTimeS() > t)) {
                    requests.decide();
                }
            }
            if (trace != null) {
                trace.refreshDemandIfStale(t); // VMs started at this instant
            }
            fleet.allocate();
            recorder.openStretch(fleet);
            timeseries.sampleIfDue(t);
            if (t >= nextProgress) {
                progress.accept(t / end);
                nextProgress = t + end / 100;
            }
        }
        advanceTo(end);
        recorder.updates().runEnded(end);
        timeseries.sampleEnd(end);
        FleetInvariants.require(fleet, engine.rules(), recorder.tasks().arrivedCount(), "at the end of the run");
        progress.accept(1);
        double wallS = (System.nanoTime() - started) / 1e9;
        return new SimulationResult(spec, recorder, fleet, tasks, timeseries.timeseries(), wallS);
    }

    /** The fleet and the first events; the order of scheduling is the order of same-instant events. */
    private void setUp() {
        fleet.setNow(0);
        for (HostGroup group : spec.hosts()) {
            for (int i = 0; i < group.count(); i++) {
                fleet.addHost(group.type(), group.initialState());
            }
        }
        if (trace != null) {
            trace.addVms();
        }
        if (taskLifecycle != null) {
            taskLifecycle.start();
        }
        faults.scheduleCrashes();
        events.schedule(0, new SimEvent.DecisionDue());
        // An update asked for at an instant is taken up by that instant's decision, or the next one.
        for (int i = 0; i < spec.updates().size(); i++) {
            events.schedule(spec.updates().get(i).atS(), new SimEvent.UpdateRequested(i));
        }
        faults.scheduleFirstHealthCheck();
        refreshDemand(0);
        fleet.allocate();
        recorder.closeStretch(0, fleet);
        recorder.openStretch(fleet);
    }

    /** Closes the measures up to {@code t} with the placement as it stood, then moves the clock. */
    private void advanceTo(double t) {
        fleet.setNow(t);
        refreshDemand(t);
        fleet.allocate();
        recorder.closeStretch(t, fleet);
    }

    /** Trace VMs ask for their trace value at {@code t}; task VMs keep their tasks' sum, set as tasks move. */
    private void refreshDemand(double t) {
        if (trace != null) {
            trace.refreshDemand(t);
        }
    }

    private void handle(SimEvent event) {
        if (!(event instanceof SimEvent.TaskArrived) && !(event instanceof SimEvent.TaskRunEnded)
                && !(event instanceof SimEvent.HealthCheckDue)) {
            requests.somethingBesidesTasksChanged(); // a health round says itself when it changed something
        }
        if (event instanceof SimEvent.DecisionDue) {
            onDecisionDue();
        } else if (event instanceof SimEvent.HealthCheckDue) {
            faults.onHealthCheck();
        } else if (event instanceof SimEvent.MigrationCompleted e) {
            executor.completeMigration(e.vm());
            requests.request(Trigger.CAPACITY_FREED);
        } else if (event instanceof SimEvent.BootCompleted e) {
            faults.onBootCompleted(e.host());
        } else if (event instanceof SimEvent.HostCrashed e) {
            faults.onHostCrashed(e.host(), e.repairAfterS());
        } else if (event instanceof SimEvent.HostRepaired e) {
            faults.onHostRepaired(e.host());
        } else if (event instanceof SimEvent.UpdateRequested e) {
            // Taken up at the engine's next whole decision (a tick at the latest): asking for one here would
            // add a load sample off the decision interval.
            engine.requestUpdate(spec.updates().get(e.index()).request());
        } else if (event instanceof SimEvent.HostUpdated e) {
            if (executor.hostUpdated(e.host())) {
                requests.request(Trigger.CAPACITY_FREED);
            }
        } else if (event instanceof SimEvent.TaskArrived e) {
            taskLifecycle.onTaskArrived(e.task());
        } else if (event instanceof SimEvent.TaskRunEnded e) {
            taskLifecycle.onTaskRunEnded(e.task(), e.runSerial());
        }
        // FollowUpDue only wakes the loop: the trigger it carries was requested with it.
    }

    private void onDecisionDue() {
        double t = fleet.nowS();
        if (trace != null) {
            trace.recordHistoryAndRetireIdleVms(t);
        }
        requests.request(Trigger.TICK);
        double next = t + spec.decisionIntervalS();
        if (next < spec.durationS()) {
            events.schedule(next, new SimEvent.DecisionDue());
        }
    }
}
