package io.ldist.live.record;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

import java.util.List;

/**
 * A {@link ClusterView} read back from a recording: every answer the live fleet gave the engine at one call, kept
 * as it was given (including what a built snapshot would derive, such as VMs incoming to a server), so that an
 * engine shown it decides from exactly what the live one saw.
 */
final class RecordedView implements ClusterView {
    record Host(HostType type, HostState state, int missedChecks, double utilization, long successes, long failures,
                int[] vms, int incoming) {
    }

    record Vm(VmType type, VmStatus status, boolean displaced, int host, int target, double cpuMips, double ramMb,
              double gpus, int tasks, double[] history) {
    }

    private final double nowS;
    private final List<Host> hosts;
    private final List<Vm> vms;
    private final List<TaskRequest> queue;

    RecordedView(double nowS, List<Host> hosts, List<Vm> vms, List<TaskRequest> queue) {
        this.nowS = nowS;
        this.hosts = List.copyOf(hosts);
        this.vms = List.copyOf(vms);
        this.queue = List.copyOf(queue);
    }

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
        return hosts.get(host).type();
    }

    @Override
    public HostState hostState(int host) {
        return hosts.get(host).state();
    }

    @Override
    public int missedHealthChecks(int host) {
        return hosts.get(host).missedChecks();
    }

    @Override
    public double hostCpuUtilization(int host) {
        return hosts.get(host).utilization();
    }

    @Override
    public int hostVmCount(int host) {
        return hosts.get(host).vms().length;
    }

    @Override
    public int hostVm(int host, int i) {
        return hosts.get(host).vms()[i];
    }

    @Override
    public int hostIncomingVmCount(int host) {
        return hosts.get(host).incoming();
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return hosts.get(host).successes();
    }

    @Override
    public long hostTaskFailures(int host) {
        return hosts.get(host).failures();
    }

    @Override
    public int vmCount() {
        return vms.size();
    }

    @Override
    public VmType vmType(int vm) {
        return vms.get(vm).type();
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vms.get(vm).status();
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return vms.get(vm).displaced();
    }

    @Override
    public int vmHost(int vm) {
        return vms.get(vm).host();
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return vms.get(vm).target();
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return vms.get(vm).cpuMips();
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return vms.get(vm).ramMb();
    }

    @Override
    public double vmGpuDemand(int vm) {
        return vms.get(vm).gpus();
    }

    @Override
    public int vmRunningTasks(int vm) {
        return vms.get(vm).tasks();
    }

    @Override
    public int vmHistoryLength(int vm) {
        return vms.get(vm).history().length;
    }

    @Override
    public double vmHistory(int vm, int age) {
        return vms.get(vm).history()[age];
    }

    @Override
    public int queuedTaskCount() {
        return queue.size();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return queue.get(i);
    }
}
