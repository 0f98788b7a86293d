package io.ldist.sim.world;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;
import io.ldist.scenario.spec.MigrationModel;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The simulated servers and VMs, held in primitive arrays indexed by host and VM number, and the CPU
 * allocation model that turns VM demands into what each VM actually gets:
 * <ul>
 *   <li>one VM core never gets more than one server core's MIPS;</li>
 *   <li>a VM migrating in takes {@code targetShare} of its demand on the target; a VM migrating out is served
 *       {@code 1 - cpuLoss} of it on the source, the rest being the migration's overhead;</li>
 *   <li>when a server's VMs ask for more than it has, every VM is scaled down in proportion.</li>
 * </ul>
 * It is also the {@link ClusterView} the engine reads.
 */
public final class VirtualFleet implements ClusterView {
    private static final int HISTORY = ClusterView.HISTORY_SAMPLES;

    private final MigrationModel migration;
    private final TaskBook tasks;
    private double now;
    private final AllocationChanges changes = new AllocationChanges(16);

    // ---- servers
    private int hostCount;
    private HostType[] hostType = new HostType[16];
    private HostState[] hostState = new HostState[16];
    private double[] activeSinceS = new double[16];
    private IntList[] hostVms = new IntList[16];
    private IntList[] incoming = new IntList[16];
    // Their sizes again, so that loops over every server read a plain array, not each server's lists.
    private int[] vmsOn = new int[16];
    private int[] arrivingOn = new int[16];
    private boolean[] crashed = new boolean[16];
    private int[] missedChecks = new int[16];
    private long[] successes = new long[16];
    private long[] failures = new long[16];
    private double[] allocatedMips = new double[16];
    private double[] requestedMips = new double[16];
    private boolean[] intoStandby = new boolean[16];
    private byte[] afterDrain = new byte[16];

    // ---- VMs
    private int vmCount;
    private int pendingVms;
    private VmType[] vmType = new VmType[16];
    private VmStatus[] vmStatus = new VmStatus[16];
    private int[] vmHost = new int[16];
    private int[] vmTarget = new int[16];
    private double[] migrationEndS = new double[16];
    private double[] demandMips = new double[16];
    private double[] demandRamMb = new double[16];
    private double[] demandGpus = new double[16];
    private double[] givenMips = new double[16];
    /** VMs that lost their server in a failover and wait for another. */
    private final BitSet displaced = new BitSet();
    private final VmHistory history = new VmHistory(HISTORY, 16);

    public VirtualFleet(MigrationModel migration, TaskBook tasks) {
        this.migration = migration;
        this.tasks = tasks;
    }

    public MigrationModel migration() {
        return migration;
    }

    public TaskBook tasks() {
        return tasks;
    }

    public void setNow(double t) {
        now = t;
    }

    // =================================================================== ClusterView

    @Override
    public double nowS() {
        return now;
    }

    @Override
    public int hostCount() {
        return hostCount;
    }

    @Override
    public HostType hostType(int host) {
        return hostType[host];
    }

    @Override
    public HostState hostState(int host) {
        return hostState[host];
    }

    @Override
    public int missedHealthChecks(int host) {
        return missedChecks[host];
    }

    @Override
    public double hostCpuUtilization(int host) {
        return Math.min(1, allocatedMips[host] / hostType[host].totalMips());
    }

    @Override
    public int hostVmCount(int host) {
        return vmsOn[host];
    }

    @Override
    public int hostVm(int host, int i) {
        return hostVms[host].get(i);
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return successes[host];
    }

    @Override
    public long hostTaskFailures(int host) {
        return failures[host];
    }

    @Override
    public int vmCount() {
        return vmCount;
    }

    @Override
    public VmType vmType(int vm) {
        return vmType[vm];
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return displaced.get(vm);
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vmStatus[vm];
    }

    @Override
    public int vmHost(int vm) {
        return vmHost[vm];
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return vmTarget[vm];
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return demandMips[vm];
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return demandRamMb[vm];
    }

    @Override
    public double vmGpuDemand(int vm) {
        return demandGpus[vm];
    }

    @Override
    public int vmRunningTasks(int vm) {
        return tasks.runningOn(vm);
    }

    @Override
    public int vmHistoryLength(int vm) {
        return history.length(vm);
    }

    @Override
    public double vmHistory(int vm, int age) {
        return history.get(vm, age);
    }

    @Override
    public int queuedTaskCount() {
        return tasks.queuedCount();
    }

    @Override
    public TaskRequest queuedTask(int i) {
        return tasks.queued(i);
    }

    // =================================================================== servers

    /** Adds a server in the given state; returns its index. */
    public int addHost(HostType type, HostState state) {
        changes.markAll();
        if (hostCount == hostType.length) {
            growHosts(hostCount * 2);
        }
        int h = hostCount++;
        hostType[h] = type;
        hostState[h] = state;
        activeSinceS[h] = now;
        hostVms[h] = new IntList(4);
        incoming[h] = new IntList(2);
        return h;
    }

    public void setHostState(int h, HostState state) {
        changes.markAll();
        if (state == HostState.ACTIVE && hostState[h] != HostState.DRAINING) {
            activeSinceS[h] = now;
        }
        hostState[h] = state;
    }

    /** When the server last became active (switched on or booted), draining included in its active time. */
    public double activeSinceS(int h) {
        return activeSinceS[h];
    }

    public boolean isCrashed(int h) {
        return crashed[h];
    }

    public void setCrashed(int h, boolean value) {
        changes.markAll();
        crashed[h] = value;
    }

    public void setMissedChecks(int h, int value) {
        missedChecks[h] = value;
    }

    public void countTaskOutcome(int h, boolean success) {
        if (success) {
            successes[h]++;
        } else {
            failures[h]++;
        }
    }

    public boolean intoStandby(int h) {
        return intoStandby[h];
    }

    public void setIntoStandby(int h, boolean value) {
        intoStandby[h] = value;
    }

    /** 0 = none, 1 = stop, 2 = terminate, once a draining server is empty. */
    public byte afterDrain(int h) {
        return afterDrain[h];
    }

    public void setAfterDrain(int h, byte value) {
        afterDrain[h] = value;
    }

    /** VMs arriving on the server by migration. */
    @Override
    public int hostIncomingVmCount(int host) {
        return arrivingOn[host];
    }

    public int incomingVm(int h, int i) {
        return incoming[h].get(i);
    }

    /** Requested MIPS of all VMs on the server (those arriving included) at the last allocation. */
    public double requestedMips(int h) {
        return requestedMips[h];
    }

    /** MIPS given to the server's VMs (migration overhead included) at the last allocation. */
    public double allocatedMips(int h) {
        return allocatedMips[h];
    }

    // =================================================================== VMs

    /** Adds a VM waiting for a server; returns its index. */
    public int addVm(VmType type) {
        if (vmCount == vmType.length) {
            growVms(vmCount * 2);
        }
        int v = vmCount++;
        vmType[v] = type;
        vmStatus[v] = VmStatus.PENDING;
        pendingVms++;
        vmHost[v] = -1;
        vmTarget[v] = -1;
        return v;
    }

    /** VMs waiting for a server. */
    public int pendingVmCount() {
        return pendingVms;
    }

    public void place(int v, int h) {
        changes.markAll();
        if (vmStatus[v] == VmStatus.PENDING) {
            pendingVms--;
        }
        vmHost[v] = h;
        vmStatus[v] = VmStatus.RUNNING;
        displaced.clear(v);
        addVm(h, v);
    }

    public void startMigration(int v, int target, double endS) {
        changes.markAll();
        vmTarget[v] = target;
        vmStatus[v] = VmStatus.MIGRATING;
        migrationEndS[v] = endS;
        incoming[target].add(v);
        arrivingOn[target]++;
    }

    private void addVm(int h, int v) {
        hostVms[h].add(v);
        vmsOn[h]++;
    }

    private void removeVm(int h, int v) {
        hostVms[h].removeValue(v);
        vmsOn[h]--;
    }

    private void removeArriving(int h, int v) {
        incoming[h].removeValue(v);
        arrivingOn[h]--;
    }

    public double migrationEndS(int v) {
        return migrationEndS[v];
    }

    /** The VM arrives on its target and leaves its source. */
    public void completeMigration(int v) {
        changes.markAll();
        int target = vmTarget[v];
        removeVm(vmHost[v], v);
        removeArriving(target, v);
        vmTarget[v] = -1;
        vmStatus[v] = VmStatus.RUNNING;
        vmHost[v] = target;
        addVm(target, v);
    }

    /** A migration that cannot finish (its target failed): the VM stays on its source. */
    public void cancelMigration(int v) {
        changes.markAll();
        removeArriving(vmTarget[v], v);
        vmTarget[v] = -1;
        vmStatus[v] = VmStatus.RUNNING;
    }

    /** Takes the VM off its server, back to waiting (its server failed). */
    public void detach(int v) {
        changes.markAll();
        if (vmTarget[v] >= 0) {
            cancelMigration(v);
        }
        removeVm(vmHost[v], v);
        vmHost[v] = -1;
        vmStatus[v] = VmStatus.PENDING;
        displaced.set(v);
        pendingVms++;
        demandMips[v] = 0;
        demandRamMb[v] = 0;
        demandGpus[v] = 0;
        givenMips[v] = 0;
    }

    /** The VM is gone for good. */
    public void finish(int v) {
        changes.markAll();
        if (vmStatus[v] == VmStatus.PENDING) {
            pendingVms--;
        }
        if (vmHost[v] >= 0) {
            if (vmTarget[v] >= 0) {
                cancelMigration(v);
            }
            removeVm(vmHost[v], v);
        }
        vmHost[v] = -1;
        vmStatus[v] = VmStatus.FINISHED;
        displaced.clear(v);
        demandMips[v] = 0;
        demandRamMb[v] = 0;
        demandGpus[v] = 0;
        givenMips[v] = 0;
    }

    public void setDemand(int v, double mips, double ramMb, double gpus) {
        if (vmHost[v] >= 0) {
            changes.mark(vmHost[v]);
        }
        if (vmTarget[v] >= 0) {
            changes.mark(vmTarget[v]);
        }
        demandMips[v] = mips;
        demandRamMb[v] = ramMb;
        demandGpus[v] = gpus;
    }

    /** MIPS the VM got at the last allocation. */
    public double givenMips(int v) {
        return givenMips[v];
    }

    /** Appends the VM's current utilisation (demand over its MIPS) to its history. */
    public void recordHistory(int v) {
        history.record(v, demandMips[v] / vmType[v].totalMips());
    }

    // =================================================================== allocation

    /**
     * Shares each server's CPU among its VMs for the current demands: fills {@link #allocatedMips},
     * {@link #requestedMips} and each VM's given MIPS. Does nothing when no demand, placement or server state
     * changed since the last time.
     */
    public void allocate() {
        changes.reallocate(hostCount, this::allocate);
    }

    /** True when every server may have changed since {@link #takeChanges()}; else see {@link #changedHosts()}. */
    public boolean allChanged() {
        return changes.allChanged();
    }

    /** Servers reallocated since {@link #takeChanges()} (when not {@link #allChanged()}). */
    public IntList changedHosts() {
        return changes.changedHosts();
    }

    /** Forgets the changes, once the recorder has read them. */
    public void takeChanges() {
        changes.takeChanges();
    }

    private void allocate(int h) {
        if (vmsOn[h] == 0 && arrivingOn[h] == 0) {
            allocatedMips[h] = 0;
            requestedMips[h] = 0;
            return;
        }
        IntList vms = hostVms[h];
        IntList arriving = incoming[h];
        if (crashed[h] || !hostState[h].isRunning()) {
            // A crashed server serves nothing; its VMs ask in vain.
            double requested = 0;
            for (int i = 0; i < vms.size(); i++) {
                int v = vms.get(i);
                givenMips[v] = 0;
                requested += demandMips[v];
            }
            allocatedMips[h] = 0;
            requestedMips[h] = requested;
            return;
        }
        HostType type = hostType[h];
        double coreMips = type.mipsPerCore();
        double requested = 0;
        double wanted = 0;
        for (int i = 0; i < vms.size(); i++) {
            int v = vms.get(i);
            requested += demandMips[v];
            wanted += capped(v, coreMips);
        }
        double reservedForArrivals = 0;
        for (int i = 0; i < arriving.size(); i++) {
            int v = arriving.get(i);
            requested += demandMips[v];
            reservedForArrivals += capped(v, hostType[h].mipsPerCore()) * migration.targetShare();
        }
        double total = type.totalMips();
        double scale = wanted + reservedForArrivals > total ? total / (wanted + reservedForArrivals) : 1;
        double allocated = 0;
        for (int i = 0; i < vms.size(); i++) {
            int v = vms.get(i);
            double share = capped(v, coreMips) * scale;
            allocated += share;
            givenMips[v] = vmStatus[v] == VmStatus.MIGRATING ? share * (1 - migration.cpuLoss()) : share;
        }
        allocatedMips[h] = allocated + reservedForArrivals * scale;
        requestedMips[h] = requested;
    }

    private double capped(int v, double coreMips) {
        int cores = vmType[v].cores();
        return Math.min(demandMips[v] / cores, coreMips) * cores;
    }

    // =================================================================== growth

    private void growHosts(int capacity) {
        hostType = Arrays.copyOf(hostType, capacity);
        changes.grow(capacity);
        hostState = Arrays.copyOf(hostState, capacity);
        activeSinceS = Arrays.copyOf(activeSinceS, capacity);
        hostVms = Arrays.copyOf(hostVms, capacity);
        incoming = Arrays.copyOf(incoming, capacity);
        vmsOn = Arrays.copyOf(vmsOn, capacity);
        arrivingOn = Arrays.copyOf(arrivingOn, capacity);
        crashed = Arrays.copyOf(crashed, capacity);
        missedChecks = Arrays.copyOf(missedChecks, capacity);
        successes = Arrays.copyOf(successes, capacity);
        failures = Arrays.copyOf(failures, capacity);
        allocatedMips = Arrays.copyOf(allocatedMips, capacity);
        requestedMips = Arrays.copyOf(requestedMips, capacity);
        intoStandby = Arrays.copyOf(intoStandby, capacity);
        afterDrain = Arrays.copyOf(afterDrain, capacity);
    }

    private void growVms(int capacity) {
        vmType = Arrays.copyOf(vmType, capacity);
        vmStatus = Arrays.copyOf(vmStatus, capacity);
        vmHost = Arrays.copyOf(vmHost, capacity);
        vmTarget = Arrays.copyOf(vmTarget, capacity);
        migrationEndS = Arrays.copyOf(migrationEndS, capacity);
        demandMips = Arrays.copyOf(demandMips, capacity);
        demandRamMb = Arrays.copyOf(demandRamMb, capacity);
        demandGpus = Arrays.copyOf(demandGpus, capacity);
        givenMips = Arrays.copyOf(givenMips, capacity);
        history.grow(capacity);
    }
}
