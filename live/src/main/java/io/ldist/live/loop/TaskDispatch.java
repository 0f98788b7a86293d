package io.ldist.live.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.plan.Plan;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiProblem;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.LiveExecutor;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveTask;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The per-task path, between rounds: a task submitted or ended is journaled first, then only the tasks changed
 * since the last decision go to the engine's dispatch ({@code Engine.dispatch}), which answers from its index
 * without a whole decision, and its assignments are applied at once. Called under the distributor's lock.
 */
final class TaskDispatch {
    /** How long GET /tasks/{id} still answers for an ended task; then it is forgotten, so memory stays bounded. */
    private static final double ENDED_TASKS_KEPT_S = 24 * 3600;

    private final LiveConfig config;
    private final LiveFleet fleet;
    private final Engine engine;
    private final LiveExecutor executor;
    private final Journal journal;
    private final LiveCounters counters;
    private final List<RoundListener> listeners;
    private final Consumer<String> log;
    private final TaskChanges changes = new TaskChanges();

    TaskDispatch(LiveConfig config, LiveFleet fleet, Engine engine, LiveExecutor executor, Journal journal,
                 LiveCounters counters, List<RoundListener> listeners, Consumer<String> log) {
        this.config = config;
        this.fleet = fleet;
        this.engine = engine;
        this.executor = executor;
        this.journal = journal;
        this.counters = counters;
        this.listeners = listeners;
        this.log = log;
    }

    TaskTicket submit(TaskSubmission s) {
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
        counters.count("tasks_submitted");
        changes.queued(task.request());
        dispatch();
        if (task.phase() == LiveTask.Phase.QUEUED) {
            counters.count("tasks_queued");
        }
        return TaskTickets.of(task, fleet);
    }

    Optional<TaskTicket> ticket(String id) {
        LiveTask task = lookup(id);
        return task == null ? Optional.empty() : Optional.of(TaskTickets.of(task, fleet));
    }

    TaskTicket finish(String id, boolean failed) {
        LiveTask task = lookup(id);
        if (task == null) {
            throw new ApiProblem(404, "no task " + id);
        }
        if (task.phase() != LiveTask.Phase.RUNNING) {
            throw new ApiProblem(409, "task " + id + " is " + task.phase().apiName() + ", not running");
        }
        endTask(task, failed ? LiveTask.Phase.FAILED : LiveTask.Phase.DONE);
        counters.count(failed ? "tasks_failed" : "tasks_finished");
        dispatch();
        return TaskTickets.of(task, fleet);
    }

    /** At the start of a round: running tasks whose lease ran out end as expired; tasks ended long ago are forgotten. */
    void expireLeasesAndForget() {
        for (LiveTask task : fleet.tasks().expiredLeases()) {
            endTask(task, LiveTask.Phase.EXPIRED);
            counters.count("tasks_expired");
        }
        fleet.tasks().forgetEndedBefore(fleet.nowS() - ENDED_TASKS_KEPT_S);
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

    /** Only the tasks changed since the last decision. */
    private void dispatch() {
        Plan plan = engine.dispatch(fleet, changes);
        for (RoundListener listener : listeners) {
            listener.dispatched(fleet, changes, plan);
        }
        changes.clear();
        for (ActionOutcome outcome : executor.apply(plan)) {
            if (outcome.result() == ActionOutcome.Result.APPLIED) {
                counters.count("tasks_assigned");
            } else {
                counters.count("actions_skipped");
                log.accept("dispatch: " + outcome.action() + " " + outcome.outcomeName() + ": " + outcome.detail());
            }
        }
    }

    private LiveTask lookup(String id) {
        return TaskTickets.parse(id).map(fleet.tasks()::get).orElse(null);
    }
}
