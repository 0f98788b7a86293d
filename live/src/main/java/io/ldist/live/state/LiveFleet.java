package io.ldist.live.state;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.DrainHost;

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
 * <p>The fleet holds its servers, its VMs and its clock; where the VMs run is changed through its
 * {@link #placements()}, and the tasks' life through its {@link #tasks()}.
 *
 * <p>Not thread-safe: the distributor serialises every call.
 */
public final class LiveFleet implements ClusterView {
    private final String cluster;
    private double nowS;
    private final List<LiveHost> hosts = new ArrayList<>();
    private final List<LiveVm> vms = new ArrayList<>();
    private final VmPlacements placements = new VmPlacements(this);
    private final FleetTasks tasks = new FleetTasks(this);

    public LiveFleet(String cluster) {
        this.cluster = cluster;
    }

    public String cluster() {
        return cluster;
    }

    /** Where the VMs run, and their moves. */
    public VmPlacements placements() {
        return placements;
    }

    /** The tasks, from the queue to their end. */
    public FleetTasks tasks() {
        return tasks;
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

    public void setAfterDrain(int host, DrainHost.AfterDrain then) {
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

    public void recordVmUtilization(int vm, double fraction) {
        vms.get(vm).recordUtilization(Math.max(0, Math.min(1, fraction)));
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
        return tasks.queuedCount();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return tasks.queued(i);
    }
}
