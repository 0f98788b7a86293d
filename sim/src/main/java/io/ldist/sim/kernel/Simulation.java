package io.ldist.sim.kernel;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.BreakerState;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.plan.BreakerChanged;
import io.ldist.engine.plan.Plan;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.spec.Faults;
import io.ldist.sim.spec.HostGroup;
import io.ldist.sim.spec.SimulationSpec;
import io.ldist.sim.spec.TaskRecovery;
import io.ldist.sim.spec.TaskSource;
import io.ldist.sim.spec.TaskSpec;
import io.ldist.sim.spec.TaskStreamWorkload;
import io.ldist.sim.spec.VmTraceWorkload;
import io.ldist.sim.world.FleetInvariants;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.SimTask;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * A discrete-event run of one scenario: events in (time, sequence) order on a simulated clock, randomness only
 * from the scenario's seed, decisions only from the {@link Engine}. At each instant the measures are closed
 * up to it, the instant's events are applied, the engine is asked to decide when something calls for it,
 * and the state after all that opens the next stretch.
 *
 * <p>A run is single use: build one per scenario and seed.
 */
public final class Simulation {
    private static final int MAX_FOLLOW_UPS_PER_INSTANT = 32;

    private final SimulationSpec spec;
    private final Engine engine;
    private final EventLog log;
    private final DoubleConsumer progress;

    private final EventQueue events = new EventQueue();
    private final TaskBook tasks = new TaskBook();
    private final VirtualFleet fleet;
    private final RunRecorder recorder = new RunRecorder();
    private final SimExecutor executor;
    /**
     * Separate random streams for the workload, task failures and crashes, split from the seed in a fixed order:
     * a change of policy never changes which tasks arrive, so policies are compared on the same workload.
     */
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom failureRandom;
    private final SplittableRandom crashRandom;
    private final TimeseriesSampler timeseries;

    /** The trace played back on the VMs; null for a task stream, whose VMs' demand is their tasks'. */
    private final TraceReplay trace;
    private final TaskStreamWorkload taskWorkload;
    private boolean[] repairDue = new boolean[0];
    /**
     * Servers a health round must look at: crashed ones (they miss checks) and those to bring back once fenced.
     * Every other server answers its checks, so a round costs the servers in trouble, not the fleet.
     */
    private final java.util.TreeSet<Integer> inTrouble = new java.util.TreeSet<>();
    private int nextListedTask;

    private Trigger pendingTrigger;
    /**
     * What happened to tasks since the last decision, and whether that is all that happened: then the engine's
     * per-task path decides; anything else (a boot, a crash, a migration, a server changing state) calls for a
     * whole decision.
     */
    private final TaskChanges taskChanges = new TaskChanges();
    private boolean onlyTasksChanged = true;
    private boolean wholeDecisionOwed;
    private int followUps;
    private double followUpsAtS = -1;
    private boolean ran;
    private boolean checkAfterEveryPlan;

    public Simulation(SimulationSpec spec, Engine engine, EventLog log, DoubleConsumer progress) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.log = Objects.requireNonNull(log, "log");
        this.progress = progress == null ? f -> { } : progress;
        this.fleet = new VirtualFleet(spec.migration(), tasks);
        SplittableRandom root = new SplittableRandom(spec.seed());
        this.arrivalRandom = root.split();
        this.failureRandom = root.split();
        this.crashRandom = root.split();
        this.taskWorkload = spec.workload() instanceof TaskStreamWorkload w ? w : null;
        TaskRecovery recovery = taskWorkload != null ? taskWorkload.recovery() : TaskRecovery.RESTART;
        this.executor = new SimExecutor(fleet, engine.rules(), events, recorder, log, recovery,
                taskWorkload != null);
        this.trace = spec.workload() instanceof VmTraceWorkload w ? new TraceReplay(w, fleet, executor, log) : null;
        this.timeseries = new TimeseriesSampler(fleet, tasks, recorder);
    }

    /**
     * Checks the fleet's invariants after every applied plan (for tests: a run then fails at the first broken
     * one). They are always checked once at the end.
     */
    public Simulation checkingInvariantsAfterEveryPlan() {
        checkAfterEveryPlan = true;
        return this;
    }

    private void checkInvariants(String when) {
        List<String> problems = FleetInvariants.violations(fleet, engine.rules(), recorder.tasks().arrivedCount());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("broken invariants " + when + " at t=" + fleet.nowS() + "s: "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size()))));
        }
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
                if (pendingTrigger != null && (events.isEmpty() || events.nextTimeS() > t)) {
                    decide();
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
        timeseries.sampleEnd(end);
        checkInvariants("at the end of the run");
        progress.accept(1);
        double wallS = (System.nanoTime() - started) / 1e9;
        return new SimulationResult(spec, recorder, fleet, tasks, timeseries.rows(), wallS);
    }

    // ================================================================== set-up

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
        if (taskWorkload != null) {
            scheduleNextArrival(0);
        }
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
        events.schedule(0, new SimEvent.DecisionDue());
        if (needsHealthChecks()) {
            events.schedule(spec.healthCheckIntervalS(), new SimEvent.HealthCheckDue());
        }
        refreshDemand(0);
        fleet.allocate();
        recorder.closeStretch(0, fleet);
        recorder.openStretch(fleet);
    }

    private boolean needsHealthChecks() {
        Faults faults = spec.faults();
        return !faults.crashes().isEmpty() || faults.random() != null;
    }

    // ================================================================== the clock

    /** Closes the measures up to {@code t} with the placement as it stood, then moves the clock. */
    private void advanceTo(double t) {
        fleet.setNow(t);
        refreshDemand(t);
        fleet.allocate();
        recorder.closeStretch(t, fleet);
    }

    private void handle(SimEvent event) {
        if (!(event instanceof SimEvent.TaskArrived) && !(event instanceof SimEvent.TaskRunEnded)
                && !(event instanceof SimEvent.HealthCheckDue)) {
            onlyTasksChanged = false; // a health round says itself when it changed something
        }
        if (event instanceof SimEvent.DecisionDue) {
            onDecisionDue();
        } else if (event instanceof SimEvent.HealthCheckDue) {
            onHealthCheck();
        } else if (event instanceof SimEvent.MigrationCompleted e) {
            executor.completeMigration(e.vm());
            request(Trigger.CAPACITY_FREED);
        } else if (event instanceof SimEvent.BootCompleted e) {
            onBootCompleted(e.host());
        } else if (event instanceof SimEvent.HostCrashed e) {
            onHostCrashed(e.host(), e.repairAfterS());
        } else if (event instanceof SimEvent.HostRepaired e) {
            onHostRepaired(e.host());
        } else if (event instanceof SimEvent.TaskArrived e) {
            onTaskArrived(e.task());
        } else if (event instanceof SimEvent.TaskRunEnded e) {
            onTaskRunEnded(e.task(), e.runSerial());
        }
        // FollowUpDue only wakes the loop: the trigger it carries was requested with it.
    }

    /**
     * Asks for a decision once the instant's events are applied; the strongest trigger wins. Freed capacity
     * and queued tasks only matter when something waits for them, so those ask only then.
     */
    private void request(Trigger trigger) {
        if ((trigger == Trigger.CAPACITY_FREED || trigger == Trigger.TASKS_QUEUED)
                && tasks.queuedCount() == 0 && fleet.pendingVmCount() == 0 && !fillsServersWithVms()) {
            return;
        }
        if (pendingTrigger == null || strength(trigger) > strength(pendingTrigger)) {
            pendingTrigger = trigger;
        }
    }

    /** In a task stream, freed capacity may also take the template VMs of a server that just booted. */
    private boolean fillsServersWithVms() {
        return taskWorkload != null;
    }

    /** Each trigger's steps include those of the weaker ones, so one decision per instant suffices. */
    private static int strength(Trigger trigger) {
        return switch (trigger) {
            case TASKS_QUEUED -> 0;
            case CAPACITY_FREED -> 1;
            case HEALTH_CHECK -> 2;
            case TICK -> 3;
        };
    }

    private void decide() {
        Trigger trigger = pendingTrigger;
        pendingTrigger = null;
        double t = fleet.nowS();
        if (trace != null) {
            trace.refreshDemandIfStale(t);
        }
        fleet.allocate();
        boolean perTask = onlyTasksChanged && !wholeDecisionOwed && engine.hasTaskPath()
                && (trigger == Trigger.TASKS_QUEUED || trigger == Trigger.CAPACITY_FREED);
        Plan plan = perTask ? engine.dispatch(fleet, taskChanges) : engine.decide(fleet, trigger);
        taskChanges.clear();
        onlyTasksChanged = true;
        wholeDecisionOwed = false;
        logCircuitBreakerChanges(plan);
        SimExecutor.Outcome outcome = executor.apply(plan);
        timeseries.countPlan(plan);
        if (checkAfterEveryPlan) {
            checkInvariants("after a " + trigger + " plan of " + plan.size() + " actions");
        }
        if (trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK) {
            countUnplacedVms();
        }
        if (trigger == Trigger.TICK) {
            timeseries.tickDecided();
        }
        if (outcome.capacityChanged() && trace != null) {
            trace.capacityChanged();
        }
        if (followUpsAtS != t) {
            followUpsAtS = t;
            followUps = 0;
        }
        if ((outcome.capacityChanged() || outcome.tasksQueued()) && !plan.isEmpty()) {
            if (followUps >= MAX_FOLLOW_UPS_PER_INSTANT) {
                wholeDecisionOwed = true; // what this plan changed is left to the next whole decision
                return;
            }
            followUps++;
            request(outcome.capacityChanged() ? Trigger.CAPACITY_FREED : Trigger.TASKS_QUEUED);
            events.schedule(t, new SimEvent.FollowUpDue());
        }
    }

    /** Circuit breakers change state inside the engine, not by an action: the plan notes when they do. */
    private void logCircuitBreakerChanges(Plan plan) {
        for (BreakerChanged change : plan.breakerChanges()) {
            boolean probed = change.from() == BreakerState.HALF_OPEN;
            String detail = switch (change.to()) {
                case OPEN -> probed ? "the probe task failed: no new tasks" : "too many task errors: no new tasks";
                case HALF_OPEN -> "one probe task may go";
                case CLOSED -> "the probe task succeeded: tasks flow";
            };
            log.accept(new EventRow(fleet.nowS(), "CircuitBreaker", change.to().name(), change.host().index(),
                    -1, -1, -1, detail));
        }
    }

    private void countUnplacedVms() {
        for (int v = 0; v < fleet.vmCount(); v++) {
            if (fleet.vmStatus(v) == VmStatus.PENDING) {
                recorder.vmLeftUnplaced(v);
            }
        }
    }

    // ================================================================== decisions and demand

    private void onDecisionDue() {
        double t = fleet.nowS();
        if (trace != null) {
            trace.recordHistoryAndRetireIdleVms(t);
        }
        request(Trigger.TICK);
        double next = t + spec.decisionIntervalS();
        if (next < spec.durationS()) {
            events.schedule(next, new SimEvent.DecisionDue());
        }
    }

    /** Trace VMs ask for their trace value at {@code t}; task VMs keep their tasks' sum, set as tasks move. */
    private void refreshDemand(double t) {
        if (trace != null) {
            trace.refreshDemand(t);
        }
    }

    // ================================================================== servers and faults

    private void onBootCompleted(int host) {
        if (fleet.hostState(host) != HostState.BOOTING) {
            return;
        }
        if (fleet.intoStandby(host)) {
            fleet.setHostState(host, HostState.STANDBY);
            fleet.setIntoStandby(host, false);
            return;
        }
        fleet.setHostState(host, HostState.ACTIVE);
        if (spec.faults().random() != null) {
            scheduleRandomCrash(host);
        }
        request(Trigger.CAPACITY_FREED);
    }

    private void scheduleRandomCrash(int host) {
        Faults.RandomCrashes random = spec.faults().random();
        double at = fleet.nowS() - random.mtbfS() * Math.log(1 - crashRandom.nextDouble());
        double repair = -random.mttrS() * Math.log(1 - crashRandom.nextDouble());
        if (at < spec.durationS()) {
            events.schedule(at, new SimEvent.HostCrashed(host, Math.max(repair, 1e-9)));
        }
    }

    private void onHostCrashed(int target, double repairAfterS) {
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
    private void onHostRepaired(int host) {
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
            repairDue = java.util.Arrays.copyOf(repairDue, Math.max(host + 1, fleet.hostCount()));
        }
    }

    private void onHealthCheck() {
        boolean anyMissed = false;
        for (java.util.Iterator<Integer> it = inTrouble.iterator(); it.hasNext(); ) {
            int h = it.next();
            HostState state = fleet.hostState(h);
            if (state == HostState.FAILED && h < repairDue.length && repairDue[h]) {
                bringBack(h);
                onlyTasksChanged = false;
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
            onlyTasksChanged = false;
            request(Trigger.HEALTH_CHECK);
        }
        double next = fleet.nowS() + spec.healthCheckIntervalS();
        if (next < spec.durationS()) {
            events.schedule(next, new SimEvent.HealthCheckDue());
        }
    }

    // ================================================================== tasks

    private void scheduleNextArrival(double after) {
        TaskSource source = taskWorkload.source();
        if (source instanceof TaskSource.TaskList list) {
            if (nextListedTask < list.tasks().size()) {
                TaskSpec task = list.tasks().get(nextListedTask++);
                if (task.arrivalS() <= spec.durationS()) {
                    events.schedule(task.arrivalS(), new SimEvent.TaskArrived(task));
                }
            }
            return;
        }
        TaskSource.PoissonArrivals poisson = (TaskSource.PoissonArrivals) source;
        // Thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
        double peak = poisson.peakRate();
        double t = after;
        while (true) {
            t += -Math.log(1 - arrivalRandom.nextDouble()) / peak;
            if (t > spec.durationS()) {
                return;
            }
            if (arrivalRandom.nextDouble() * peak <= poisson.rateAt(t)) {
                break;
            }
        }
        var shape = poisson.shape();
        double duration = Math.max(1e-3, shape.durationS().sample(arrivalRandom));
        double deadline = shape.deadlineFactor() == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                : t + shape.deadlineFactor() * duration;
        TaskSpec task = new TaskSpec(t, shape.cpuMips().sample(arrivalRandom), shape.gpus().sample(arrivalRandom),
                shape.ramMb().sample(arrivalRandom), duration, deadline);
        events.schedule(t, new SimEvent.TaskArrived(task));
    }

    private void onTaskArrived(TaskSpec spec) {
        SimTask task = tasks.add(spec);
        taskChanges.queued(task.asRequest());
        recorder.tasks().arrived();
        scheduleNextArrival(spec.arrivalS());
        String excess = taskWorkload.ceiling().excess(spec.cpuMips(), spec.ramMb(), spec.gpus());
        if (excess != null) {
            drop(task, "NEVER_FITS", "asks for " + excess); // drawn from an unbounded size distribution
        }
        dropTasksWaitingTooLong();
        request(Trigger.TASKS_QUEUED);
    }

    private void drop(SimTask task, String reason, String detail) {
        int vm = task.vm();
        int host = vm >= 0 ? fleet.vmHost(vm) : -1;
        if (task.status() == SimTask.Status.QUEUED) {
            taskChanges.withdrawn(task.asRequest().id());
        }
        tasks.drop(task);
        recorder.tasks().dropped();
        log.accept(new EventRow(fleet.nowS(), "TaskDropped", reason, host, vm, -1, task.id(), detail));
    }

    private void onTaskRunEnded(long id, long runSerial) {
        SimTask task = tasks.get(id);
        if (task.status() != SimTask.Status.RUNNING || task.runSerial() != runSerial) {
            return; // stale: the task was moved or its server crashed
        }
        int vm = task.vm();
        int host = fleet.vmHost(vm);
        double t = fleet.nowS();
        double errorRate = errorRate(host, t);
        if (errorRate > 0 && failureRandom.nextDouble() < errorRate) {
            fleet.countTaskOutcome(host, false);
            recorder.tasks().runFailed();
            log.accept(new EventRow(t, "TaskFailed", "FAULT", host, vm, -1, task.id(),
                    "attempt " + task.attempts() + " of " + taskWorkload.maxAttempts()));
            if (task.attempts() >= taskWorkload.maxAttempts()) {
                drop(task, "FAILED", "failed " + task.attempts() + " times");
            } else {
                tasks.requeue(task, t, false);
                taskChanges.queued(task.asRequest());
                request(Trigger.TASKS_QUEUED);
            }
        } else {
            fleet.countTaskOutcome(host, true);
            tasks.complete(task);
            recorder.tasks().completed(t > task.spec().deadlineS());
        }
        executor.refreshTaskDemand(vm);
        taskChanges.taskEnded(host);
        HostState before = fleet.hostState(host);
        executor.finishDrainIfDone(host);
        if (fleet.hostState(host) != before) {
            onlyTasksChanged = false; // a drained server shut down
        }
        request(Trigger.CAPACITY_FREED);
    }

    private double errorRate(int host, double t) {
        double rate = 0;
        for (Faults.FlakyHost flaky : spec.faults().flaky()) {
            if (flaky.host() == host && t >= flaky.fromS() && t < flaky.toS()) {
                rate = Math.max(rate, flaky.errorRate());
            }
        }
        return rate;
    }

    private void dropTasksWaitingTooLong() {
        double maxWait = taskWorkload.maxWaitS();
        if (Double.isInfinite(maxWait)) {
            return;
        }
        double t = fleet.nowS();
        // The queue is in the order tasks joined it, so those overdue are at its head.
        List<SimTask> overdue = new ArrayList<>();
        tasks.forEachQueued(task -> {
            if (!(t - task.queuedSinceS() > maxWait)) {
                return false;
            }
            overdue.add(task);
            return true;
        });
        for (SimTask task : overdue) {
            drop(task, "WAITED", "queued longer than the workload's maxWait");
        }
    }
}
