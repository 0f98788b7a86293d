package io.ldist.live.loop;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.ClusterReport;
import io.ldist.live.api.Distributor;
import io.ldist.live.api.Health;
import io.ldist.live.api.PlanReport;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.EngineMemoryFile;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.JournalReplay;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.execute.PlanGuard;
import io.ldist.live.execute.RestartSettlement;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.observe.Observer;
import io.ldist.live.state.LiveFleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The live driver's one loop and the API's answers, over one engine. A round ({@link #reconcile}) observes the
 * fleet, asks the engine for a whole decision, checks the plan against the safety caps, and applies it (with
 * {@code apply}) or only shows it (dry run: no mutating call at all). Between rounds, task requests go through the
 * engine's per-task path ({@link TaskDispatch}), which answers from its index without a whole decision.
 *
 * <p>Driver time is seconds since the journal was first opened, so that a restart continues the same clock. Every
 * method takes one lock: the engine and the fleet are single-threaded by design.
 */
public final class LiveDistributor implements Distributor, AutoCloseable {
    private static final int FOLLOW_UPS = 3;

    private final Journal journal;
    private final LongSupplier clockMs;
    private final boolean apply;
    private final LiveFleet fleet;
    private final Engine engine;
    private final Incarnation incarnation;
    private final LiveCounters counters = new LiveCounters();
    private final Consumer<String> log;
    private final List<RoundListener> listeners = new ArrayList<>();
    private final EngineMemoryFile memory;
    private final FleetObservation observation;
    private final Housekeeping housekeeping;
    private final GuardedExecution execution;
    private final TaskDispatch tasks;

    public LiveDistributor(LiveConfig config, Cloud cloud, Hypervisor hypervisor, Journal journal,
                           LongSupplier clockMs, boolean apply, CrashPoint crash, Consumer<String> log) {
        this.journal = journal;
        this.clockMs = clockMs;
        this.apply = apply;
        this.log = log;
        this.fleet = new LiveFleet(config.cluster());
        this.engine = config.engine().newEngine();
        PlanGuard guard = new PlanGuard(config.caps());
        Map<String, VmType> vmTypes = new LinkedHashMap<>();
        if (config.engine().template() != null) {
            vmTypes.put(config.engine().template().type().name(), config.engine().template().type());
        }
        JournalReplay.Restored restored = JournalReplay.restore(journal, fleet, config.hostType(), vmTypes, guard);
        this.incarnation = Incarnation.restoreOrOpen(restored, journal, config.cluster(), clockMs);
        Observer observer = new Observer(cloud, hypervisor, config.hostType(), vmTypes, config.metricsStaleAfterS());
        LiveExecutor executor = new LiveExecutor(fleet, cloud, hypervisor, journal, config.launch(), incarnation.id(),
                config.engine().rules().maxVmsPerHost(), crash);
        this.observation = new FleetObservation(observer, fleet, journal, config.intervalS(), counters, log);
        this.housekeeping = new Housekeeping(fleet, executor, counters, log);
        this.execution = new GuardedExecution(fleet, guard, executor, journal, apply, clockMs, counters, listeners, log);
        this.tasks = new TaskDispatch(config, fleet, engine, executor, journal, counters, listeners, log);
        this.memory = new EngineMemoryFile(config.stateDir());
        if (memory.restore(engine)) {
            log.accept("engine: memory restored from " + memory.file());
        }
        RestartSettlement.settle(restored.openIntents(), fleet, cloud, journal, guard, config.hostType(), vmTypes, log);
    }

    public synchronized void addListener(RoundListener listener) {
        listener.attached(engine.remember(), fleet.nowS());
        listeners.add(listener);
    }

    public boolean applying() {
        return apply;
    }

    public String incarnation() {
        return incarnation.id();
    }

    /** The fleet, for reading under {@link #withFleet} only. */
    public synchronized <T> T withFleet(Function<LiveFleet, T> reader) {
        return reader.apply(fleet);
    }

    private void tick() {
        double now = Math.max(fleet.nowS(), (clockMs.getAsLong() - incarnation.epochMs()) / 1000.0);
        fleet.setNow(now);
    }

    /**
     * One round: observe, settle leases and drains, decide, check, apply or show. Returns the plan's report (also
     * kept for GET /plan).
     */
    public synchronized PlanReport reconcile() {
        tick();
        if (!observation.observe(clockMs.getAsLong() / 1000)) {
            return execution.lastPlan();
        }
        tasks.expireLeasesAndForget();
        if (apply) {
            housekeeping.run();
        }
        Plan plan = decide(Trigger.TICK);
        PlanReport report = execution.run(plan);
        for (int i = 0; i < FOLLOW_UPS && apply && "applied".equals(report.status()) && needsFollowUp(plan); i++) {
            plan = decide(Trigger.TASKS_QUEUED);
            if (plan.isEmpty()) {
                break;
            }
            execution.run(plan);
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

    /** A plan that changed more than task assignments may have made room for tasks still queued. */
    private static boolean needsFollowUp(Plan plan) {
        for (Action action : plan.actions()) {
            if (!(action instanceof AssignTask)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- tasks

    @Override
    public synchronized TaskTicket submit(TaskSubmission s) {
        tick();
        return tasks.submit(s);
    }

    @Override
    public synchronized Optional<TaskTicket> task(String id) {
        return tasks.ticket(id);
    }

    @Override
    public synchronized TaskTicket finish(String id, boolean failed) {
        tick();
        return tasks.finish(id, failed);
    }

    // ---------------------------------------------------------------- reports

    @Override
    public synchronized ClusterReport cluster() {
        return ClusterReports.of(fleet, apply ? "apply" : "dry-run");
    }

    @Override
    public synchronized PlanReport lastPlan() {
        return execution.lastPlan();
    }

    @Override
    public synchronized Health health() {
        tick();
        return observation.health();
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
