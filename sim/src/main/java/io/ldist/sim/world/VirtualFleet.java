package io.ldist.sim.world;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;
import io.ldist.scenario.spec.MigrationModel;

/**
 * The simulated servers ({@link FleetHosts}) and VMs ({@link FleetVms}), where the VMs run and how they move
 * ({@link VmPlacements}), and the CPU each VM gets by the {@link CpuAllocation} model, redone only where something
 * changed ({@link AllocationChanges}). It is also the {@link ClusterView} the engine reads.
 */
public final class VirtualFleet implements ClusterView {
    private final MigrationModel migration;
    private final TaskBook tasks;
    private double now;
    private final AllocationChanges changes = new AllocationChanges(16);
    private final FleetHosts hosts = new FleetHosts(changes);
    private final FleetVms vms = new FleetVms();
    private final VmPlacements placements = new VmPlacements(hosts, vms, changes);
    private final CpuAllocation allocation;

    public VirtualFleet(MigrationModel migration, TaskBook tasks) {
        this.migration = migration;
        this.tasks = tasks;
        this.allocation = new CpuAllocation(migration, hosts, vms);
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
        return hosts.count;
    }

    @Override
    public HostType hostType(int host) {
        return hosts.type[host];
    }

    @Override
    public HostState hostState(int host) {
        return hosts.state[host];
    }

    @Override
    public int missedHealthChecks(int host) {
        return hosts.missedChecks[host];
    }

    @Override
    public double hostCpuUtilization(int host) {
        return Math.min(1, hosts.allocatedMips[host] / hosts.type[host].totalMips());
    }

    @Override
    public int hostVmCount(int host) {
        return hosts.vmsOn[host];
    }

    @Override
    public int hostVm(int host, int i) {
        return hosts.vms[host].get(i);
    }

    @Override
    public long hostTaskSuccesses(int host) {
        return hosts.successes[host];
    }

    @Override
    public long hostTaskFailures(int host) {
        return hosts.failures[host];
    }

    @Override
    public int vmCount() {
        return vms.count;
    }

    @Override
    public VmType vmType(int vm) {
        return vms.type[vm];
    }

    @Override
    public boolean vmDisplaced(int vm) {
        return vms.displaced.get(vm);
    }

    @Override
    public VmStatus vmStatus(int vm) {
        return vms.status[vm];
    }

    @Override
    public int vmHost(int vm) {
        return vms.host[vm];
    }

    @Override
    public int vmMigrationTarget(int vm) {
        return vms.target[vm];
    }

    @Override
    public double vmCpuDemandMips(int vm) {
        return vms.demandMips[vm];
    }

    @Override
    public double vmRamDemandMb(int vm) {
        return vms.demandRamMb[vm];
    }

    @Override
    public double vmGpuDemand(int vm) {
        return vms.demandGpus[vm];
    }

    @Override
    public int vmRunningTasks(int vm) {
        return tasks.runningOn(vm);
    }

    @Override
    public int vmHistoryLength(int vm) {
        return vms.history.length(vm);
    }

    @Override
    public double vmHistory(int vm, int age) {
        return vms.history.get(vm, age);
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
        return hosts.add(type, state, now);
    }

    public void setHostState(int h, HostState state) {
        changes.markAll();
        if (state == HostState.ACTIVE && hosts.state[h] != HostState.DRAINING) {
            hosts.activeSinceS[h] = now;
        }
        hosts.state[h] = state;
    }

    /** When the server last became active (switched on or booted), draining included in its active time. */
    public double activeSinceS(int h) {
        return hosts.activeSinceS[h];
    }

    public boolean isCrashed(int h) {
        return hosts.crashed[h];
    }

    public void setCrashed(int h, boolean value) {
        changes.markAll();
        hosts.crashed[h] = value;
    }

    public void setMissedChecks(int h, int value) {
        hosts.missedChecks[h] = value;
    }

    public void countTaskOutcome(int h, boolean success) {
        if (success) {
            hosts.successes[h]++;
        } else {
            hosts.failures[h]++;
        }
    }

    public boolean intoStandby(int h) {
        return hosts.intoStandby[h];
    }

    public void setIntoStandby(int h, boolean value) {
        hosts.intoStandby[h] = value;
    }

    /** 0 = none, 1 = stop, 2 = terminate, once a draining server is empty. */
    public byte afterDrain(int h) {
        return hosts.afterDrain[h];
    }

    public void setAfterDrain(int h, byte value) {
        hosts.afterDrain[h] = value;
    }

    /** VMs arriving on the server by migration. */
    @Override
    public int hostIncomingVmCount(int host) {
        return hosts.arrivingOn[host];
    }

    public int incomingVm(int h, int i) {
        return hosts.incoming[h].get(i);
    }

    /** Requested MIPS of all VMs on the server (those arriving included) at the last allocation. */
    public double requestedMips(int h) {
        return hosts.requestedMips[h];
    }

    /** MIPS given to the server's VMs (migration overhead included) at the last allocation. */
    public double allocatedMips(int h) {
        return hosts.allocatedMips[h];
    }

    // =================================================================== VMs

    /** Adds a VM waiting for a server; returns its index. */
    public int addVm(VmType type) {
        return vms.add(type);
    }

    /** VMs waiting for a server. */
    public int pendingVmCount() {
        return vms.pending;
    }

    public void place(int v, int h) {
        placements.place(v, h);
    }

    public void startMigration(int v, int target, double endS) {
        placements.startMigration(v, target, endS);
    }

    public double migrationEndS(int v) {
        return vms.migrationEndS[v];
    }

    /** The VM arrives on its target and leaves its source. */
    public void completeMigration(int v) {
        placements.completeMigration(v);
    }

    /** A migration that cannot finish (its target failed): the VM stays on its source. */
    public void cancelMigration(int v) {
        placements.cancelMigration(v);
    }

    /** Takes the VM off its server, back to waiting (its server failed). */
    public void detach(int v) {
        placements.detach(v);
    }

    /** The VM is gone for good. */
    public void finish(int v) {
        placements.finish(v);
    }

    public void setDemand(int v, double mips, double ramMb, double gpus) {
        if (vms.host[v] >= 0) {
            changes.mark(vms.host[v]);
        }
        if (vms.target[v] >= 0) {
            changes.mark(vms.target[v]);
        }
        vms.demandMips[v] = mips;
        vms.demandRamMb[v] = ramMb;
        vms.demandGpus[v] = gpus;
    }

    /** MIPS the VM got at the last allocation. */
    public double givenMips(int v) {
        return vms.givenMips[v];
    }

    /** Appends the VM's current utilisation (demand over its MIPS) to its history. */
    public void recordHistory(int v) {
        vms.history.record(v, vms.demandMips[v] / vms.type[v].totalMips());
    }

    // =================================================================== allocation

    /**
     * Shares each server's CPU among its VMs for the current demands: fills {@link #allocatedMips},
     * {@link #requestedMips} and each VM's given MIPS. Does nothing when no demand, placement or server state
     * changed since the last time.
     */
    public void allocate() {
        changes.reallocate(hosts.count, allocation::allocate);
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
}
