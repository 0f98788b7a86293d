package io.ldist.sim.kernel;

import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.HostState;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.EventRow;
import io.ldist.sim.record.RunRecorder;
import io.ldist.sim.record.TaskStatistics;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskSpec;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.TaskTier;
import io.ldist.sim.world.SimExecutor;
import io.ldist.sim.world.SimTask;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tasks of a task stream, from arrival to their end: arrivals (listed, or Poisson by thinning), runs that
 * end in success or failure on flaky servers, retries up to the workload's attempts, and drops (never fits,
 * failed too often, waited past maxWait). Each change is noted in the {@link DecisionRequests}' task changes
 * for the engine's per-task path.
 */
final class TaskLifecycle {
    private final SimulationSpec spec;
    private final TaskStreamWorkload workload;
    private final VirtualFleet fleet;
    private final TaskBook tasks;
    private final EventQueue events;
    private final RunRecorder recorder;
    private final SimExecutor executor;
    private final EventLog log;
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom failureRandom;
    private final SplittableRandom tierRandom;
    private final DecisionRequests requests;
    private int nextListedTask;

    /**
     * @param tierRandom draws each task's tier by the tiers' shares: a stream of its own, so that the same
     *                   scenario with and without tiers has the same tasks arriving
     */
    TaskLifecycle(SimulationSpec spec, TaskStreamWorkload workload, RunWorld world, SplittableRandom arrivalRandom,
                  SplittableRandom failureRandom, SplittableRandom tierRandom, DecisionRequests requests) {
        this.spec = spec;
        this.workload = workload;
        this.fleet = world.fleet();
        this.tasks = world.tasks();
        this.events = world.events();
        this.recorder = world.recorder();
        this.executor = world.executor();
        this.log = world.log();
        this.arrivalRandom = arrivalRandom;
        this.failureRandom = failureRandom;
        this.tierRandom = tierRandom;
        recorder.tasks().trackTiers(workload.tiers().size());
        this.requests = requests;
    }

    /** Schedules the first arrival; each arrival schedules the next. */
    void start() {
        scheduleNextArrival(0);
    }

    private void scheduleNextArrival(double after) {
        TaskSource source = workload.source();
        if (source instanceof TaskSource.TaskList list) {
            if (nextListedTask < list.tasks().size()) {
                TaskSpec task = list.tasks().get(nextListedTask++);
                if (task.arrivalS() <= spec.durationS()) {
                    events.schedule(task.arrivalS(), new SimEvent.TaskArrived(inTier(task, false)));
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
                shape.ramMb().sample(arrivalRandom), duration, deadline,
                workload.tiers().isEmpty() ? 0 : TaskSpec.TIER_BY_SHARE, Double.POSITIVE_INFINITY);
        events.schedule(t, new SimEvent.TaskArrived(inTier(task, true)));
    }

    /**
     * The task in its tier: a listed one's own, or one drawn by the tiers' shares; with the tier's wait objective
     * (and, for a generated task, its deadline factor). Without tiers, every task is of rank 0.
     */
    private TaskSpec inTier(TaskSpec task, boolean generated) {
        List<TaskTier> tiers = workload.tiers();
        if (tiers.isEmpty()) {
            return task.tier() != TaskSpec.TIER_BY_SHARE ? task // rank 0: the one queue
                    : new TaskSpec(task.arrivalS(), task.cpuMips(), task.gpus(), task.ramMb(), task.durationS(),
                            task.deadlineS());
        }
        int rank = task.tier();
        if (rank == TaskSpec.TIER_BY_SHARE) {
            double draw = tierRandom.nextDouble();
            rank = tiers.size() - 1; // what rounding leaves of the shares
            double below = 0;
            for (int r = 0; r < tiers.size(); r++) {
                below += tiers.get(r).share();
                if (draw < below) {
                    rank = r;
                    break;
                }
            }
        }
        return task.inTier(rank, tiers.get(rank), generated);
    }

    void onTaskArrived(TaskSpec arrived) {
        SimTask task = tasks.add(arrived, workload.servedByTier());
        requests.taskChanges().queued(task.asRequest());
        recorder.tasks().arrived(arrived.tier());
        TaskStatistics pool = recorder.poolTasks(task.demand());
        if (pool != null) {
            pool.arrived(0);
        }
        scheduleNextArrival(arrived.arrivalS());
        String excess = workload.ceiling().excess(arrived.cpuMips(), arrived.ramMb(), arrived.gpus());
        if (excess != null) {
            drop(task, "NEVER_FITS", "asks for " + excess); // drawn from an unbounded size distribution
        }
        dropTasksWaitingTooLong();
        requests.request(Trigger.TASKS_QUEUED);
    }

    private void drop(SimTask task, String reason, String detail) {
        int vm = task.vm();
        int host = vm >= 0 ? fleet.vmHost(vm) : -1;
        if (task.status() == SimTask.Status.QUEUED) {
            requests.taskChanges().withdrawn(task.asRequest().id());
        }
        tasks.drop(task);
        recorder.tasks().dropped(task.spec().tier());
        TaskStatistics pool = recorder.poolTasks(task.demand());
        if (pool != null) {
            pool.dropped(0);
        }
        log.accept(new EventRow(fleet.nowS(), "TaskDropped", reason, host, vm, -1, task.id(), detail));
    }

    void onTaskRunEnded(long id, long runSerial) {
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
                    "attempt " + task.attempts() + " of " + workload.maxAttempts()));
            if (task.attempts() >= workload.maxAttempts()) {
                drop(task, "FAILED", "failed " + task.attempts() + " times");
            } else {
                tasks.requeue(task, t, false);
                requests.taskChanges().queued(task.asRequest());
                requests.request(Trigger.TASKS_QUEUED);
            }
        } else {
            fleet.countTaskOutcome(host, true);
            tasks.complete(task);
            recorder.tasks().completed(task.spec().tier(), t > task.spec().deadlineS());
            TaskStatistics pool = recorder.poolTasks(task.demand());
            if (pool != null) {
                pool.completed(0, t > task.spec().deadlineS());
            }
        }
        executor.refreshTaskDemand(vm);
        requests.taskChanges().taskEnded(host);
        HostState before = fleet.hostState(host);
        executor.finishDrainIfDone(host);
        if (fleet.hostState(host) != before) {
            requests.somethingBesidesTasksChanged(); // a drained server shut down
        }
        requests.request(Trigger.CAPACITY_FREED);
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
        double shortest = workload.shortestMaxWaitS();
        if (Double.isInfinite(shortest)) {
            return;
        }
        double t = fleet.nowS();
        // The queue is in the order tasks joined it, so those overdue are at its head.
        SimTask oldest = tasks.oldestQueued();
        if (oldest == null || !(t - oldest.queuedSinceS() > shortest)) {
            return; // the common case, at every arrival: nothing overdue
        }
        List<SimTask> overdue = new ArrayList<>();
        tasks.forEachQueued(task -> {
            double waited = t - task.queuedSinceS();
            if (!(waited > shortest)) {
                return false;
            }
            if (waited > workload.maxWaitS(task.spec().tier())) {
                overdue.add(task);
            }
            return true;
        });
        for (SimTask task : overdue) {
            drop(task, "WAITED", "queued longer than " + (workload.tiers().isEmpty() ? "the workload's"
                    : "tier " + workload.tiers().get(task.spec().tier()).name() + "'s") + " maxWait");
        }
    }
}
