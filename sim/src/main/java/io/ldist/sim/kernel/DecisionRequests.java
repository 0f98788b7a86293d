package io.ldist.sim.kernel;

import io.ldist.engine.affinity.AffinityBreaches;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.BreakerState;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.plan.BreakerChanged;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.ScalingAdvice;
import io.ldist.engine.plan.UpdateProgress;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.world.FleetInvariants;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.function.IntUnaryOperator;

/**
 * When the engine is asked to decide, and how: events request a decision with a trigger, the strongest of an
 * instant wins, and once the instant's events are applied one decision takes it. A plan that changed capacity
 * or queued tasks asks for a follow-up at the same instant, up to a bound. When only tasks changed since the
 * last decision, the engine's per-task path decides from those {@link TaskChanges}; anything else calls for a
 * whole decision.
 */
final class DecisionRequests {
    private static final int MAX_FOLLOW_UPS_PER_INSTANT = 32;

    private final Engine engine;
    private final VirtualFleet fleet;
    private final TaskBook tasks;
    private final EventQueue events;
    private final RunRecorder recorder;
    private final SimExecutor executor;
    private final EventLog log;
    /** Null for a task stream. */
    private final TraceReplay trace;
    private final TimeseriesSampler timeseries;
    /** In a task stream, freed capacity may also take the template VMs of a server that just booted. */
    private final boolean fillsServersWithVms;

    private Trigger pendingTrigger;
    private final TaskChanges taskChanges = new TaskChanges();
    private boolean onlyTasksChanged = true;
    private boolean wholeDecisionOwed;
    private int followUps;
    private double followUpsAtS = -1;
    private boolean checkAfterEveryPlan;
    private boolean perTaskPath = true;

    DecisionRequests(Engine engine, RunWorld world, TraceReplay trace, TimeseriesSampler timeseries,
                     boolean fillsServersWithVms) {
        this.engine = engine;
        this.fleet = world.fleet();
        this.tasks = world.tasks();
        this.events = world.events();
        this.recorder = world.recorder();
        this.executor = world.executor();
        this.log = world.log();
        this.trace = trace;
        this.timeseries = timeseries;
        this.fillsServersWithVms = fillsServersWithVms;
    }

    /** Never the engine's per-task path: every decision a whole one (see {@link Simulation#decidingWholeOnly}). */
    void decideWholeOnly() {
        perTaskPath = false;
    }

    void checkInvariantsAfterEveryPlan() {
        checkAfterEveryPlan = true;
    }

    /** What happened to tasks since the last decision, for the per-task path. */
    TaskChanges taskChanges() {
        return taskChanges;
    }

    /** Something other than tasks changed (a boot, a crash, a migration, a server's state): decide as a whole. */
    void somethingBesidesTasksChanged() {
        onlyTasksChanged = false;
    }

    boolean hasPending() {
        return pendingTrigger != null;
    }

    /**
     * Asks for a decision once the instant's events are applied; the strongest trigger wins. Freed capacity
     * and queued tasks only matter when something waits for them, so those ask only then.
     */
    void request(Trigger trigger) {
        if ((trigger == Trigger.CAPACITY_FREED || trigger == Trigger.TASKS_QUEUED)
                && tasks.queuedCount() == 0 && fleet.pendingVmCount() == 0 && !fillsServersWithVms) {
            return;
        }
        pendingTrigger = Trigger.stronger(pendingTrigger, trigger);
    }

    /** Decides on the pending trigger and applies the plan. */
    void decide() {
        Trigger trigger = pendingTrigger;
        pendingTrigger = null;
        double t = fleet.nowS();
        if (trace != null) {
            trace.refreshDemandIfStale(t);
        }
        fleet.allocate();
        boolean perTask = perTaskPath && onlyTasksChanged && !wholeDecisionOwed && engine.hasTaskPath()
                && (trigger == Trigger.TASKS_QUEUED || trigger == Trigger.CAPACITY_FREED);
        Plan plan = perTask ? engine.dispatch(fleet, taskChanges) : engine.decide(fleet, trigger);
        taskChanges.clear();
        onlyTasksChanged = true;
        wholeDecisionOwed = false;
        logCircuitBreakerChanges(plan);
        logAdvice(plan);
        logUpdateProgress(plan);
        SimExecutor.Outcome outcome = executor.apply(plan);
        timeseries.countPlan(plan);
        if (checkAfterEveryPlan) {
            FleetInvariants.require(fleet, engine.rules(), recorder.tasks().arrivedCount(),
                    "after a " + trigger + " plan of " + plan.size() + " actions");
        }
        if (trigger == Trigger.TICK || trigger == Trigger.HEALTH_CHECK) {
            countUnplacedVms();
        }
        if (trigger == Trigger.TICK) {
            timeseries.tickDecided();
            countAffinityViolations();
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

    /** Advice the engine gave without acting on it (predictive scaling's forecast-only mode). */
    private void logAdvice(Plan plan) {
        for (ScalingAdvice advice : plan.advice()) {
            log.accept(new EventRow(fleet.nowS(), "ScalingAdvice", "SCALE_OUT", -1, -1, -1, -1, advice.describe()));
        }
    }

    /** How rolling updates advanced: one row per note, the servers concerned in its detail. */
    private void logUpdateProgress(Plan plan) {
        for (UpdateProgress note : plan.updates()) {
            recorder.updates().progressed(note, fleet.nowS());
            StringBuilder hosts = new StringBuilder();
            for (int i = 0; i < note.hosts().size(); i++) {
                hosts.append(i == 0 ? "; servers " : " ").append(note.hosts().get(i).index());
            }
            int host = note.hosts().size() == 1 ? note.hosts().get(0).index() : -1;
            log.accept(new EventRow(fleet.nowS(), "RollingUpdate", note.stage().name(), host, -1, -1, -1,
                    "update " + note.update() + ": " + note.detail() + hosts));
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

    private void countAffinityViolations() {
        AffinityRules rules = engine.rules().affinity();
        if (rules.isEmpty()) {
            return;
        }
        IntUnaryOperator host = v -> v < fleet.vmCount() ? fleet.vmHost(v) : -1;
        IntUnaryOperator target = v -> v < fleet.vmCount() ? fleet.vmMigrationTarget(v) : -1;
        recorder.affinityChecked(AffinityBreaches.of(rules, host, target, true).size(),
                AffinityBreaches.of(rules, host, target, false).size());
    }

    /**
     * A VM under hard affinity rules that found no server is said so in events (once per run, as it is counted in
     * unplaced): the rules may be why, and the planner should know which ones it waits under.
     */
    private void logHardAffinity(int v) {
        AffinityRules rules = engine.rules().affinity();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < rules.ruleCountOf(v); i++) {
            if (rules.ruleOf(v, i).hard()) {
                names.append(names.isEmpty() ? "" : " ").append(rules.ruleOf(v, i).name());
            }
        }
        if (!names.isEmpty()) {
            log.accept(new EventRow(fleet.nowS(), "VmUnplaced", "AFFINITY", -1, v, -1, -1,
                    "waits for a server its hard affinity rules allow: " + names));
        }
    }

    private void countUnplacedVms() {
        for (int v = 0; v < fleet.vmCount(); v++) {
            if (fleet.vmStatus(v) == VmStatus.PENDING && recorder.vmLeftUnplaced(v)) {
                logHardAffinity(v);
            }
        }
    }
}
