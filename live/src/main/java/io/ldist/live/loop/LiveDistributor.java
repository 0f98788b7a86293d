package io.ldist.live.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.EngineMemory;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiProblem;
import io.ldist.live.api.ClusterReport;
import io.ldist.live.api.Distributor;
import io.ldist.live.api.Health;
import io.ldist.live.api.PlanReport;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.EngineMemoryFile;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.JournalReplay;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.execute.PlanGuard;
import io.ldist.live.execute.RestartSettlement;
import io.ldist.live.observe.ObservationJournal;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.observe.Observer;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;
import io.ldist.live.state.LiveTask;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The live driver's one loop and the API's answers, over one engine. A round ({@link #reconcile}) observes the
 * fleet, asks the engine for a whole decision, checks the plan against the safety caps, and applies it (with
 * {@code apply}) or only shows it (dry run: no mutating call at all). Between rounds, task requests go through the
 * engine's per-task path ({@code Engine.dispatch}), which answers from its index without a whole decision.
 *
 * <p>Driver time is seconds since the journal was first opened, so that a restart continues the same clock. Every
 * method takes one lock: the engine and the fleet are single-threaded by design.
 */
public final class LiveDistributor implements Distributor, AutoCloseable {
    private static final int FOLLOW_UPS = 3;
    private static final double BOOT_TIMEOUT_FLOOR_S = 600;
    /** How long GET /tasks/{id} still answers for an ended task; then it is forgotten, so memory stays bounded. */
    public static final double ENDED_TASKS_KEPT_S = 24 * 3600;

    private final LiveConfig config;
    private final Cloud cloud;
    private final Journal journal;
    private final LongSupplier clockMs;
    private final boolean apply;
    private final LiveFleet fleet;
    private final Engine engine;
    private final PlanGuard guard;
    private final Observer observer;
    private final LiveExecutor executor;
    private final String incarnation;
    private final long epochMs;
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();
    private final TaskChanges changes = new TaskChanges();
    private final Consumer<String> log;
    private final List<RoundListener> listeners = new ArrayList<>();
    private PlanReport lastPlan = new PlanReport(0, "none", List.of(), List.of());
    private final List<com.fasterxml.jackson.databind.JsonNode> restoredIntents;
    private final Map<String, VmType> vmTypes;
    private final EngineMemoryFile memory;
    private double lastObservationS = Double.NaN;
    /** Driver time each booting server was first seen booting by this process. */
    private final Map<Integer, Double> bootingSinceS = new HashMap<>();
    private String lastObservationError;

    /**
     * Told of every round after it, and (the recorder listens to these) of each engine call with the view it was
     * given, before its plan is checked or applied, and of each task's end.
     */
    public interface RoundListener {
        void roundDone(LiveFleet fleet, long epochMs, Plan plan, List<ActionOutcome> outcomes);

        /** On {@link #addListener}: what the engine remembers then, at driver time {@code nowS}. */
        default void attached(EngineMemory memory, double nowS) {
        }

        /** A whole decision was made from {@code view}. */
        default void decided(ClusterView view, Trigger trigger, Plan plan) {
        }

        /** A per-task decision was made from {@code view} and {@code changes}. */
        default void dispatched(ClusterView view, TaskChanges changes, Plan plan) {
        }

        default void taskEnded(LiveTask task) {
        }
    }

    public LiveDistributor(LiveConfig config, Cloud cloud, Hypervisor hypervisor, Journal journal,
                           LongSupplier clockMs, boolean apply, CrashPoint crash, Consumer<String> log) {
        this.config = config;
        this.cloud = cloud;
        this.journal = journal;
        this.clockMs = clockMs;
        this.apply = apply;
        this.log = log;
        for (String name : List.of("tasks_submitted", "tasks_assigned", "tasks_queued", "tasks_finished",
                "tasks_failed", "tasks_expired", "plans_applied", "plans_shown", "plans_refused",
                "actions_applied", "actions_skipped", "actions_failed", "boots_abandoned", "observations", "observation_errors")) {
            counters.put(name, new AtomicLong());
        }
        this.fleet = new LiveFleet(config.cluster());
        this.engine = config.engine().newEngine();
        this.guard = new PlanGuard(config.caps());
        Map<String, VmType> vmTypes = new LinkedHashMap<>();
        if (config.engine().template() != null) {
            vmTypes.put(config.engine().template().type().name(), config.engine().template().type());
        }
        JournalReplay.Restored restored = JournalReplay.restore(journal, fleet, config.hostType(), vmTypes, guard);
        if (restored.incarnation() == null) {
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            this.incarnation = HexFormat.of().formatHex(random);
            this.epochMs = clockMs.getAsLong();
            ObjectNode open = journal.entry("open");
            open.put("cluster", config.cluster());
            open.put("incarnation", incarnation);
            open.put("epochMs", epochMs);
            journal.append(open);
        } else {
            this.incarnation = restored.incarnation();
            this.epochMs = restored.epochMs();
        }
        this.restoredIntents = restored.openIntents();
        this.observer = new Observer(cloud, hypervisor, config.hostType(), vmTypes, config.metricsStaleAfterS());
        this.executor = new LiveExecutor(fleet, cloud, hypervisor, journal, config.launch(), incarnation,
                config.engine().rules().maxVmsPerHost(), crash);
        this.vmTypes = vmTypes;
        this.memory = new EngineMemoryFile(config.stateDir());
        if (memory.restore(engine)) {
            log.accept("engine: memory restored from " + memory.file());
        }
        RestartSettlement.settle(restoredIntents, fleet, cloud, journal, guard, config.hostType(), vmTypes, log);
    }

    public synchronized void addListener(RoundListener listener) {
        listener.attached(engine.remember(), fleet.nowS());
        listeners.add(listener);
    }

    public boolean applying() {
        return apply;
    }

    public String incarnation() {
        return incarnation;
    }

    /** The fleet, for reading under {@link #withFleet} only. */
    public synchronized <T> T withFleet(java.util.function.Function<LiveFleet, T> reader) {
        return reader.apply(fleet);
    }

    private void tick() {
        double now = Math.max(fleet.nowS(), (clockMs.getAsLong() - epochMs) / 1000.0);
        fleet.setNow(now);
    }

    /**
     * One round: observe, settle leases and drains, decide, check, apply or show. Returns the plan's report (also
     * kept for GET /plan).
     */
    public synchronized PlanReport reconcile() {
        tick();
        long epochS = clockMs.getAsLong() / 1000;
        try {
            Observer.Observation seen = observer.observe(fleet, epochS);
            count("observations");
            lastObservationS = fleet.nowS();
            lastObservationError = null;
            for (String note : seen.notes) {
                log.accept("observe: " + note);
            }
            seen.missed.forEach((host, why) -> log.accept("observe: host-" + host + " missed a health check: " + why));
            ObservationJournal.record(seen, fleet, journal, log);
        } catch (RuntimeException e) {
            count("observation_errors");
            lastObservationError = e.getMessage();
            log.accept("observe failed, no decision this round: " + e.getMessage());
            return lastPlan;
        }
        expireLeases();
        fleet.tasks().forgetEndedBefore(fleet.nowS() - ENDED_TASKS_KEPT_S);
        housekeeping();
        Plan plan = decide(Trigger.TICK);
        PlanReport report = decideAndApply(plan);
        for (int i = 0; i < FOLLOW_UPS && apply && "applied".equals(report.status()) && needsFollowUp(plan); i++) {
            plan = decide(Trigger.TASKS_QUEUED);
            if (plan.isEmpty()) {
                break;
            }
            decideAndApply(plan);
        }
        if (!journal.readOnly()) {
            memory.save(engine.remember(), fleet.nowS());
        }
        return report;
    }

    private Plan decide(Trigger trigger) {
        Plan plan = engine.decide(fleet, trigger);
        plan.advice().forEach(advice -> log.accept("scaling: " + advice.describe()));
        for (RoundListener listener : listeners) {
            listener.decided(fleet, trigger, plan);
        }
        return plan;
    }

    private static boolean needsFollowUp(Plan plan) {
        for (Action action : plan.actions()) {
            if (!(action instanceof AssignTask)) {
                return true;
            }
        }
        return false;
    }

    private PlanReport decideAndApply(Plan plan) {
        List<String> refusals = guard.refusals(plan, fleet);
        PlanReport report;
        List<ActionOutcome> outcomes = List.of();
        if (plan.isEmpty()) {
            report = new PlanReport(plan.atS(), apply ? "applied" : "dry-run", List.of(), List.of());
        } else if (!refusals.isEmpty()) {
            count("plans_refused");
            ObjectNode refused = journal.entry("refused");
            refused.put("atS", fleet.nowS());
            refused.put("actions", plan.size());
            refused.put("why", String.join("; ", refusals));
            journal.append(refused);
            log.accept("plan of " + plan.size() + " action(s) refused: " + String.join("; ", refusals));
            report = PlanReports.of(plan, fleet, "refused", refusals, List.of());
        } else if (!apply) {
            count("plans_shown");
            report = PlanReports.of(plan, fleet, "dry-run", List.of(), List.of());
        } else {
            PlanReport described = PlanReports.of(plan, fleet, "applied", List.of(), List.of());
            outcomes = executor.apply(plan);
            guard.applied(plan, fleet.nowS());
            count("plans_applied");
            for (ActionOutcome outcome : outcomes) {
                count(switch (outcome.result()) {
                    case APPLIED -> "actions_applied";
                    case SKIPPED -> "actions_skipped";
                    case FAILED -> "actions_failed";
                });
                if (outcome.result() != ActionOutcome.Result.APPLIED) {
                    log.accept(outcome.action().kind() + " " + outcome.outcomeName() + ": " + outcome.detail());
                }
                if (outcome.action() instanceof AssignTask) {
                    count("tasks_assigned");
                }
            }
            report = PlanReports.withOutcomes(described, outcomes);
        }
        if (!plan.isEmpty() || "none".equals(lastPlan.status())) {
            lastPlan = report;
        }
        for (RoundListener listener : listeners) {
            listener.roundDone(fleet, clockMs.getAsLong(), plan, outcomes);
        }
        return report;
    }

    /**
     * Servers that booted into the warm pool are stopped; drains that emptied finish; a server booting for longer
     * than {@link #bootTimeoutS} is given up (terminated), so that its capacity is replaced rather than awaited.
     */
    private void housekeeping() {
        if (!apply) {
            return;
        }
        for (LiveHost host : fleet.hosts()) {
            try {
                if (host.state() == HostState.ACTIVE && host.intoStandby()) {
                    if (host.vmCount() == 0) {
                        executor.stopIntoStandby(host);
                    } else {
                        fleet.setIntoStandby(host.index(), false); // in service already: stopping would lose its VMs
                    }
                } else if (host.state() == HostState.DRAINING) {
                    executor.finishDrainIfDone(host);
                } else if (bootedTooLong(host)) {
                    String why = "still booting after " + Math.round(fleet.nowS() - bootingSinceS.get(host.index()))
                            + " s (the limit is " + Math.round(bootTimeoutS(host)) + " s)";
                    executor.abandonBoot(host, why);
                    bootingSinceS.remove(host.index());
                    count("boots_abandoned");
                    log.accept("host-" + host.index() + " " + host.instanceId() + " " + why + ": terminated");
                }
            } catch (RuntimeException e) {
                count("actions_failed");
                log.accept("host-" + host.index() + ": " + e.getMessage());
            }
        }
    }

    /**
     * True for a server seen booting, with no VM on it, for longer than {@link #bootTimeoutS}. The clock starts at the
     * first round this process sees it booting (so a restart gives a boot the whole time again, never less); a
     * server holding VMs has been up, whatever its state says, and is never given up here.
     */
    private boolean bootedTooLong(LiveHost host) {
        if (host.state() != HostState.BOOTING || host.vmCount() > 0) {
            bootingSinceS.remove(host.index());
            return false;
        }
        double since = bootingSinceS.computeIfAbsent(host.index(), h -> fleet.nowS());
        return fleet.nowS() - since > bootTimeoutS(host);
    }

    /**
     * How long a server may boot (a launch or a resume) before it is given up: three times its type's boot time (the
     * slower of boot and resume), and never less than ten minutes, since bare-metal boots vary widely.
     */
    static double bootTimeoutS(LiveHost host) {
        return Math.max(BOOT_TIMEOUT_FLOOR_S, 3 * Math.max(host.type().bootTimeS(), host.type().resumeTimeS()));
    }

    private void expireLeases() {
        for (LiveTask task : fleet.tasks().expiredLeases()) {
            endTask(task, LiveTask.Phase.EXPIRED);
            count("tasks_expired");
        }
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public synchronized TaskTicket submit(TaskSubmission s) {
        tick();
        TaskSubmissions.check(s, config);
        if (fleet.queuedTaskCount() >= config.api().maxQueuedTasks()) {
            throw new ApiProblem(429, "the queue is full (" + config.api().maxQueuedTasks()
                    + " tasks wait); try again later");
        }
        double deadlineAtS = s.deadlineS() == null ? Double.POSITIVE_INFINITY : fleet.nowS() + s.deadlineS();
        double leaseS = s.leaseS() == null ? config.api().defaultLeaseS() : s.leaseS();
        LiveTask task = fleet.tasks().submit(s.cpuMips(), s.gpus(), s.ramMb(), deadlineAtS, leaseS);
        ObjectNode entry = journal.entry("task");
        entry.put("id", task.id());
        entry.put("cpuMips", s.cpuMips());
        entry.put("gpus", s.gpus());
        entry.put("ramMb", s.ramMb());
        if (Double.isFinite(deadlineAtS)) {
            entry.put("deadlineAtS", deadlineAtS);
        }
        entry.put("leaseS", leaseS);
        entry.put("atS", fleet.nowS());
        journal.append(entry);
        count("tasks_submitted");
        changes.queued(task.request());
        dispatch();
        if (task.phase() == LiveTask.Phase.QUEUED) {
            count("tasks_queued");
        }
        return TaskTickets.of(task, fleet);
    }

    @Override
    public synchronized Optional<TaskTicket> task(String id) {
        LiveTask task = lookup(id);
        return task == null ? Optional.empty() : Optional.of(TaskTickets.of(task, fleet));
    }

    @Override
    public synchronized TaskTicket finish(String id, boolean failed) {
        tick();
        LiveTask task = lookup(id);
        if (task == null) {
            throw new ApiProblem(404, "no task " + id);
        }
        if (task.phase() != LiveTask.Phase.RUNNING) {
            throw new ApiProblem(409, "task " + id + " is " + task.phase().apiName() + ", not running");
        }
        endTask(task, failed ? LiveTask.Phase.FAILED : LiveTask.Phase.DONE);
        count(failed ? "tasks_failed" : "tasks_finished");
        dispatch();
        return TaskTickets.of(task, fleet);
    }

    private void endTask(LiveTask task, LiveTask.Phase how) {
        int host = fleet.tasks().end(task.id(), how);
        ObjectNode entry = journal.entry("end");
        entry.put("task", task.id());
        entry.put("phase", how.apiName());
        entry.put("atS", fleet.nowS());
        journal.append(entry);
        if (host >= 0) {
            changes.taskEnded(host);
        }
        for (RoundListener listener : listeners) {
            listener.taskEnded(task);
        }
    }

    /** The per-task path: only tasks changed since the last decision. */
    private void dispatch() {
        Plan plan = engine.dispatch(fleet, changes);
        for (RoundListener listener : listeners) {
            listener.dispatched(fleet, changes, plan);
        }
        changes.clear();
        for (ActionOutcome outcome : executor.apply(plan)) {
            if (outcome.result() == ActionOutcome.Result.APPLIED) {
                count("tasks_assigned");
            } else {
                count("actions_skipped");
                log.accept("dispatch: " + outcome.action() + " " + outcome.outcomeName() + ": " + outcome.detail());
            }
        }
    }

    private LiveTask lookup(String id) {
        return TaskTickets.parse(id).map(fleet.tasks()::get).orElse(null);
    }

    // ---------------------------------------------------------------- reports

    @Override
    public synchronized ClusterReport cluster() {
        return ClusterReports.of(fleet, apply ? "apply" : "dry-run");
    }

    @Override
    public synchronized PlanReport lastPlan() {
        return lastPlan;
    }

    @Override
    public synchronized Health health() {
        tick();
        if (Double.isNaN(lastObservationS)) {
            return new Health(false, Double.NaN, lastObservationError != null
                    ? "last observation failed: " + lastObservationError : "no observation yet");
        }
        double age = fleet.nowS() - lastObservationS;
        boolean fresh = age <= 3 * config.intervalS();
        String detail = lastObservationError != null ? "last observation failed: " + lastObservationError
                : fresh ? "observed " + Math.round(age) + " s ago" : "no observation for " + Math.round(age) + " s";
        return new Health(fresh && lastObservationError == null, age, detail);
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counters.forEach((name, value) -> copy.put(name, value.get()));
        return copy;
    }

    private void count(String name) {
        counters.get(name).incrementAndGet();
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
