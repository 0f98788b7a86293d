package io.ldist.live.state;

import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;

import java.util.List;

/**
 * A task's life on the fleet: queued, started on a VM, ended or queued again. Starting a task reserves its demand on
 * its VM and ending it gives that back, so a VM's demand is always what its running tasks reserve; an ended task
 * counts as a success or a failure of the server it ran on.
 *
 * <p>Not thread-safe, like the fleet it belongs to.
 */
public final class FleetTasks {
    private final LiveFleet fleet;
    private final TaskLedger ledger = new TaskLedger();

    FleetTasks(LiveFleet fleet) {
        this.fleet = fleet;
    }

    /** A new task joins the back of the queue; its id is the next one. */
    public LiveTask submit(double cpuMips, double gpus, double ramMb, double deadlineAtS, double leaseS) {
        TaskRequest request = new TaskRequest(new TaskId(ledger.takeId()), new Resources(cpuMips, gpus, ramMb, 0),
                fleet.nowS(), deadlineAtS, 0);
        return ledger.enqueue(request, leaseS);
    }

    /** Takes back a task with its own id (replaying the journal). */
    public LiveTask enqueue(TaskRequest request, double leaseS) {
        return ledger.enqueue(request, leaseS);
    }

    /** The task, or null when it is unknown or was forgotten. */
    public LiveTask get(long id) {
        return ledger.get(id);
    }

    public int queuePosition(long id) {
        return ledger.position(id);
    }

    public void start(long id, int vm) {
        LiveTask task = ledger.dequeue(id);
        LiveVm v = fleet.vm(vm);
        task.phase = LiveTask.Phase.RUNNING;
        task.vm = vm;
        task.host = v.host;
        task.startedAtS = fleet.nowS();
        v.runningTasks++;
        v.taskCpu += task.request.demand().cpuMips();
        v.taskRam += task.request.demand().ramMb();
        v.taskGpu += task.request.demand().gpus();
    }

    /** A running task ended; returns the server it ran on. */
    public int end(long id, LiveTask.Phase how) {
        LiveTask task = ledger.get(id);
        if (task == null || task.phase != LiveTask.Phase.RUNNING) {
            throw new IllegalStateException("task " + id + " is not running");
        }
        releaseSlot(task);
        task.phase = how;
        task.endedAtS = fleet.nowS();
        int host = task.host;
        if (host >= 0) {
            if (how == LiveTask.Phase.DONE) {
                fleet.host(host).taskSuccesses++;
            } else {
                fleet.host(host).taskFailures++;
            }
        }
        return host;
    }

    /** A running task goes back to the front of the queue (its VM's server failed). */
    void requeue(long id) {
        LiveTask task = ledger.get(id);
        releaseSlot(task);
        ledger.enqueueFirst(new LiveTask(task.request.withAttempts(task.request.attempts() + 1), task.leaseS));
    }

    /** The task's VM gives back its slot and what the task reserved (exactly zero once the VM runs none). */
    private void releaseSlot(LiveTask task) {
        LiveVm v = fleet.vm(task.vm);
        v.runningTasks--;
        v.taskCpu = v.runningTasks == 0 ? 0 : v.taskCpu - task.request.demand().cpuMips();
        v.taskRam = v.runningTasks == 0 ? 0 : v.taskRam - task.request.demand().ramMb();
        v.taskGpu = v.runningTasks == 0 ? 0 : v.taskGpu - task.request.demand().gpus();
    }

    /** Tasks running on the VM, in id order. */
    List<LiveTask> runningOn(int vm) {
        return ledger.running(task -> task.vm == vm);
    }

    /** Running tasks whose lease ran out at this time, in id order. */
    public List<LiveTask> expiredLeases() {
        double nowS = fleet.nowS();
        return ledger.running(task -> nowS >= task.startedAtS + task.leaseS);
    }

    /** Forgets tasks that ended before {@code cutoffS}, so that a long run does not grow without bound. */
    public void forgetEndedBefore(double cutoffS) {
        ledger.forgetEndedBefore(cutoffS);
    }

    public int runningCount() {
        int running = 0;
        for (LiveVm vm : fleet.vms()) {
            running += vm.runningTasks;
        }
        return running;
    }

    int queuedCount() {
        return ledger.queued();
    }

    TaskRequest queued(int i) {
        return ledger.queuedAt(i);
    }
}
