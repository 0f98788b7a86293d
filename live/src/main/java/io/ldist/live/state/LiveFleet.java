package io.ldist.live.state;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the live driver knows of its fleet, kept between observations and shown to the engine as a
 * {@link ClusterView}. Indexes are stable for the life of the cluster: a server's index is its launch token's and
 * its instance's {@code ldist:host-index} tag, a VM's is part of its Hyper-V name, so a restart names everything as
 * before. A VM's demand is what its running tasks reserve (like a scheduler's requests); what Hyper-V and
 * CloudWatch measure is its utilisation history and its server's CPU utilisation.
 *
 * <p>Not thread-safe: the distributor serialises every call.
 */
public final class LiveFleet implements ClusterView {
    private final String cluster;
    private double nowS;
    private final List<LiveHost> hosts = new ArrayList<>();
    private final List<LiveVm> vms = new ArrayList<>();
    private final TaskLedger ledger = new TaskLedger();

    public LiveFleet(String cluster) {
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }

    public void setNow(double nowS) {
        if (nowS < this.nowS) {
            throw new IllegalArgumentException("time went back from " + this.nowS + " to " + nowS);
        }
        this.nowS = nowS;
    }

    // ---------------------------------------------------------------- servers

    /** Adds a server at the next index. */
    public LiveHost addHost(HostType type, String launchToken, String instanceId, HostState state) {
        LiveHost host = new LiveHost(hosts.size(), type, launchToken, instanceId, state, nowS);
        hosts.add(host);
        return host;
    }

    public LiveHost host(int index) {
        return hosts.get(index);
    }

    public List<LiveHost> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public LiveHost hostOfInstance(String instanceId) {
        for (LiveHost host : hosts) {
            if (instanceId.equals(host.instanceId)) {
                return host;
            }
        }
        return null;
    }

    public void setInstance(int host, String instanceId) {
        hosts.get(host).instanceId = instanceId;
    }

    public void setHostState(int host, HostState state) {
        LiveHost h = hosts.get(host);
        if (h.state != state) {
            h.state = state;
            h.stateSinceS = nowS;
        }
        if (state != HostState.DRAINING) {
            h.afterDrain = null;
        }
    }

    public void setAfterDrain(int host, io.ldist.engine.plan.DrainHost.AfterDrain then) {
        hosts.get(host).afterDrain = then;
    }

    public void setIntoStandby(int host, boolean intoStandby) {
        hosts.get(host).intoStandby = intoStandby;
    }

    /** A server answered (or did not answer) its health check at this observation. */
    public void healthChecked(int host, boolean answered) {
        LiveHost h = hosts.get(host);
        h.missedChecks = answered ? 0 : h.missedChecks + 1;
    }

    public void setCpuUtilization(int host, double utilization, double measuredAtS, boolean stale) {
        LiveHost h = hosts.get(host);
        h.cpuUtilization = Math.max(0, Math.min(1, utilization));
        h.metricAtS = measuredAtS;
        h.metricsStale = stale;
    }

    /** Memory and GPU in use (fractions, NaN when not measured): shown to operators, not decided on. */
    public void setMeasuredMemoryAndGpu(int host, double memory, double gpu) {
        LiveHost h = hosts.get(host);
        h.memoryUtilization = Double.isNaN(memory) ? Double.NaN : Math.max(0, Math.min(1, memory));
        h.gpuUtilization = Double.isNaN(gpu) ? Double.NaN : Math.max(0, Math.min(1, gpu));
    }

    // ---------------------------------------------------------------- VMs

    /** Adds a pending VM at the next index. */
    public LiveVm addVm(VmType type) {
        LiveVm vm = new LiveVm(vms.size(), LiveNames.vmName(cluster, vms.size()), type);
        vms.add(vm);
        return vm;
    }

    public LiveVm vm(int index) {
        return vms.get(index);
    }

    public List<LiveVm> vms() {
        return Collections.unmodifiableList(vms);
    }

    /** The VM runs on the server now (placed, or found there). */
    public void placeVm(int vm, int host) {
        LiveVm v = vms.get(vm);
        if (v.host >= 0) {
            hosts.get(v.host).vms.removeValue(vm);
        }
        v.host = host;
        v.migrationTarget = -1;
        v.status = VmStatus.RUNNING;
        v.displaced = false;
        hosts.get(host).vms.add(vm);
    }

    public void startMigration(int vm, int to) {
        LiveVm v = vms.get(vm);
        v.migrationTarget = to;
        v.status = VmStatus.MIGRATING;
    }

    public void completeMigration(int vm) {
        placeVm(vm, vms.get(vm).migrationTarget);
    }

    public void cancelMigration(int vm) {
        LiveVm v = vms.get(vm);
        v.migrationTarget = -1;
        v.status = VmStatus.RUNNING;
    }

    /** The VM lost its server (fenced, or gone from it): it waits to be placed again. */
    public void displaceVm(int vm) {
        LiveVm v = vms.get(vm);
        if (v.host >= 0) {
            hosts.get(v.host).vms.removeValue(vm);
        }
        v.host = -1;
        v.migrationTarget = -1;
        v.status = VmStatus.PENDING;
        v.displaced = true;
    }

    /** The VM lost its server with the tasks it ran: they go back to the front of the queue. Returns how many. */
    public int displaceVmRequeueing(int vm) {
        List<LiveTask> running = tasksOn(vm);
        for (int i = running.size() - 1; i >= 0; i--) {
            requeue(running.get(i).id()); // each goes to the front: the oldest last, so it ends up first
        }
        displaceVm(vm);
        return running.size();
    }

    /**
     * The server is declared failed: its VMs wait to be placed again, their tasks are queued again, and VMs on
     * their way to it go back to where they came from. Returns how many tasks were queued again.
     */
    public int fence(int host) {
        setHostState(host, HostState.FAILED);
        LiveHost fenced = hosts.get(host);
        int requeued = 0;
        while (fenced.vms.size() > 0) {
            requeued += displaceVmRequeueing(fenced.vms.get(0));
        }
        for (LiveVm vm : vms) {
            if (vm.migrationTarget == host) {
                cancelMigration(vm.index);
            }
        }
        return requeued;
    }

    /** The VM was removed for good (its server drained away). */
    public void finishVm(int vm) {
        LiveVm v = vms.get(vm);
        if (v.host >= 0) {
            hosts.get(v.host).vms.removeValue(vm);
        }
        v.host = -1;
        v.migrationTarget = -1;
        v.status = VmStatus.FINISHED;
    }

    public void recordVmUtilization(int vm, double fraction) {
        vms.get(vm).recordUtilization(Math.max(0, Math.min(1, fraction)));
    }

    // ---------------------------------------------------------------- tasks

    /** A new task joins the back of the queue; its id is the next one. */
    public LiveTask submit(double cpuMips, double gpus, double ramMb, double deadlineAtS, double leaseS) {
        TaskRequest request = new TaskRequest(new TaskId(ledger.takeId()), new Resources(cpuMips, gpus, ramMb, 0),
                nowS, deadlineAtS, 0);
        return ledger.enqueue(request, leaseS);
    }

    /** Takes back a task with its own id (replaying the journal). */
    public LiveTask enqueue(TaskRequest request, double leaseS) {
        return ledger.enqueue(request, leaseS);
    }

    public LiveTask task(long id) {
        return ledger.get(id);
    }

    public int queuePosition(long id) {
        return ledger.position(id);
    }

    public void startTask(long id, int vm) {
        LiveTask task = ledger.dequeue(id);
        LiveVm v = vms.get(vm);
        task.phase = LiveTask.Phase.RUNNING;
        task.vm = vm;
        task.host = v.host;
        task.startedAtS = nowS;
        v.runningTasks++;
        v.taskCpu += task.request.demand().cpuMips();
        v.taskRam += task.request.demand().ramMb();
        v.taskGpu += task.request.demand().gpus();
    }

    /** A running task ended; returns the server it ran on. */
    public int endTask(long id, LiveTask.Phase how) {
        LiveTask task = ledger.get(id);
        if (task == null || task.phase != LiveTask.Phase.RUNNING) {
            throw new IllegalStateException("task " + id + " is not running");
        }
        releaseSlot(task);
        task.phase = how;
        task.endedAtS = nowS;
        int host = task.host;
        if (host >= 0) {
            if (how == LiveTask.Phase.DONE) {
                hosts.get(host).taskSuccesses++;
            } else {
                hosts.get(host).taskFailures++;
            }
        }
        return host;
    }

    /** A running task goes back to the front of the queue (its VM's server failed). */
    public void requeue(long id) {
        LiveTask task = ledger.get(id);
        releaseSlot(task);
        ledger.enqueueFirst(new LiveTask(task.request.withAttempts(task.request.attempts() + 1), task.leaseS));
    }

    /** The task's VM gives back its slot and what the task reserved (exactly zero once the VM runs none). */
    private void releaseSlot(LiveTask task) {
        LiveVm v = vms.get(task.vm);
        v.runningTasks--;
        v.taskCpu = v.runningTasks == 0 ? 0 : v.taskCpu - task.request.demand().cpuMips();
        v.taskRam = v.runningTasks == 0 ? 0 : v.taskRam - task.request.demand().ramMb();
        v.taskGpu = v.runningTasks == 0 ? 0 : v.taskGpu - task.request.demand().gpus();
    }

    /** Tasks running on the VM, in id order. */
    public List<LiveTask> tasksOn(int vm) {
        return ledger.running(task -> task.vm == vm);
    }

    /** Running tasks whose lease ran out at this time, in id order. */
    public List<LiveTask> expiredLeases() {
        return ledger.running(task -> nowS >= task.startedAtS + task.leaseS);
    }

    /** Forgets tasks that ended before {@code cutoffS}, so that a long run does not grow without bound. */
    public void forgetEndedBefore(double cutoffS) {
        ledger.forgetEndedBefore(cutoffS);
    }

    public int runningTaskCount() {
        int running = 0;
        for (LiveVm vm : vms) {
            running += vm.runningTasks;
        }
        return running;
    }

    public long nextTaskId() {
        return ledger.nextId();
    }

    // ---------------------------------------------------------------- ClusterView

    @Override
    public double nowS() {
        return nowS;
    }

    @Override
    public int hostCount() {
        return hosts.size();
    }

    @Override
    public HostType hostType(int host) {
        return hosts.get(host).type;
    }

    @Override
    public HostState hostState(int host) {
        return hosts.get(host).state;
    }

    @Override
    public int missedHealthChecks(int host) {
        return hosts.get(host).missedChecks;
    }

    @Override
    public double hostCpuUtilization(int host) {
        return hosts.get(host).cpuUtilization;
    }

    @Override
    public int hostVmCount(int host) {
        return hosts.get(host).vms.size();
    }

    @Override
    public int hostVm(int host, int i) {
        return hosts.get(host).vms.get(i);
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return hosts.get(host).taskSuccesses;
    }

    @Override
    public long hostTaskFailures(int host) {
        return hosts.get(host).taskFailures;
    }

    @Override
    public int vmCount() {
        return vms.size();
    }

    @Override
    public VmType vmType(int vm) {
        return vms.get(vm).type;
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vms.get(vm).status;
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return vms.get(vm).displaced;
    }

    @Override
    public int vmHost(int vm) {
        return vms.get(vm).host;
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return vms.get(vm).migrationTarget;
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return vms.get(vm).taskCpu;
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return vms.get(vm).taskRam;
    }

    @Override
    public double vmGpuDemand(int vm) {
        return vms.get(vm).taskGpu;
    }

    @Override
    public int vmRunningTasks(int vm) {
        return vms.get(vm).runningTasks;
    }

    @Override
    public int vmHistoryLength(int vm) {
        return vms.get(vm).historyLength();
    }

    @Override
    public double vmHistory(int vm, int age) {
        return vms.get(vm).history(age);
    }

    @Override
    public int queuedTaskCount() {
        return ledger.queued();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return ledger.queuedAt(i);
    }
}
