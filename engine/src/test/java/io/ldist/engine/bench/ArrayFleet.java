package io.ldist.engine.bench;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

import java.util.SplittableRandom;

/**
 * A large fleet for benchmarks, in plain arrays so that reading it costs what a driver's view costs: servers of
 * one type (m5.metal-like) each running {@code vmsPerHost} worker VMs, with random tasks running, each VM's
 * task demand kept as a sum.
 */
final class ArrayFleet implements ClusterView {
    static final HostType HOST = new HostType("m5.metal", 96, 2500, 0, 393216, 25000, 4.608,
            new PowerCurve(180, 215, 245, 275, 305, 335, 365, 395, 425, 455, 485), 240, 45);
    static final VmType WORKER = new VmType("worker", 32, 2500, 0, 122880, 10000, 8);

    private final int hosts;
    private final int vmsPerHost;
    final int[] tasks;
    final double[] cpu;
    final double[] ram;

    ArrayFleet(int hosts, int vmsPerHost, long seed) {
        this.hosts = hosts;
        this.vmsPerHost = vmsPerHost;
        int vms = hosts * vmsPerHost;
        tasks = new int[vms];
        cpu = new double[vms];
        ram = new double[vms];
        SplittableRandom random = new SplittableRandom(seed);
        for (int v = 0; v < vms; v++) {
            int n = random.nextInt(WORKER.taskSlots()); // a free slot on every VM, room varying
            for (int i = 0; i < n; i++) {
                double c = 2500 + random.nextInt(5) * 2500;
                double r = 2048 + random.nextInt(11) * 2048;
                if (cpu[v] + c <= WORKER.totalMips() && ram[v] + r <= WORKER.ramMb()) {
                    tasks[v]++;
                    cpu[v] += c;
                    ram[v] += r;
                }
            }
        }
    }

    @Override
    public double nowS() {
        return 0;
    }

    @Override
    public int hostCount() {
        return hosts;
    }

    @Override
    public HostType hostType(int host) {
        return HOST;
    }

    @Override
    public HostState hostState(int host) {
        return HostState.ACTIVE;
    }

    @Override
    public int missedHealthChecks(int host) {
        return 0;
    }

    @Override
    public double hostCpuUtilization(int host) {
        return 0;
    }

    @Override
    public int hostVmCount(int host) {
        return vmsPerHost;
    }

    @Override
    public int hostVm(int host, int i) {
        return host * vmsPerHost + i;
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return 0;
    }

    @Override
    public long hostTaskFailures(int host) {
        return 0;
    }

    @Override
    public int vmCount() {
        return hosts * vmsPerHost;
    }

    @Override
    public VmType vmType(int vm) {
        return WORKER;
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return VmStatus.RUNNING;
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return false;
    }

    @Override
    public int vmHost(int vm) {
        return vm / vmsPerHost;
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return -1;
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return cpu[vm];
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return ram[vm];
    }

    @Override
    public double vmGpuDemand(int vm) {
        return 0;
    }

    @Override
    public int vmRunningTasks(int vm) {
        return tasks[vm];
    }

    @Override
    public int vmHistoryLength(int vm) {
        return 0;
    }

    @Override
    public double vmHistory(int vm, int age) {
        return 0;
    }

    @Override
    public int queuedTaskCount() {
        return 0;
    }

    @Override
    public TaskRequest queuedTask(int i) {
        throw new IndexOutOfBoundsException(i);
    }
}
