package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The plan of one decision as policies read it, the {@link PlanView} of {@link PlanningState}: the servers
 * ({@link PlannedHosts}), what the plan puts on them ({@link HostLedger}), which VMs each holds
 * ({@link HostVmLists}), the VMs ({@link PlannedVms}), the {@link FitRule} and the candidate servers a placement
 * looks at ({@link CandidateServers}). It starts as the {@link ClusterView}; {@link PlanningState} changes it.
 */
abstract sealed class PlanReadings implements PlanView permits PlanningState {
    final ClusterView view;
    final FleetRules rules;
    private final Trigger trigger;
    private final int hostCount;
    final PlannedHosts hosts;
    final HostLedger ledger;
    final HostVmLists vmLists;
    final CandidateServers candidates;
    /** The VMs, growing when the plan creates VMs. */
    final PlannedVms vms;
    private final FitRule fitRule;

    /** @param boundCache group bounds remembered across decisions (see {@link UtilizationGroups.BoundCache}) */
    PlanReadings(ClusterView view, FleetRules rules, Trigger trigger, UtilizationGroups.BoundCache boundCache) {
        this.view = view;
        this.rules = rules;
        this.trigger = trigger;
        this.hostCount = view.hostCount();
        this.hosts = new PlannedHosts(view);
        this.vmLists = new HostVmLists(view);
        this.vms = new PlannedVms(view, rules.sizing());
        this.ledger = new HostLedger(view, vms);
        boolean[] accepts = hosts.accepts;
        this.candidates = new CandidateServers(view, h -> accepts[h], h -> ledger.placedVms(h) > 0, hosts.state,
                boundCache);
        this.fitRule = new FitRule(rules, hosts, ledger, vms, this);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public ClusterView view() {
        return view;
    }

    @Override
    public FleetRules rules() {
        return rules;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public double nowS() {
        return view.nowS();
    }

    @Override
    public int hostCount() {
        return hostCount;
    }

    @Override
    public HostType hostType(int h) {
        return hosts.type[h];
    }

    /** CPU capacity of the server in MIPS. */
    @Override
    public double capacityMips(int h) {
        return hosts.type[h].totalMips();
    }

    @Override
    public HostState hostState(int h) {
        return hosts.state[h];
    }

    @Override
    public boolean resumePlanned(int h) {
        return hosts.resumePlanned[h];
    }

    @Override
    public double measuredUtilization(int h) {
        return hosts.measured[h];
    }

    @Override
    public double measuredPowerW(int h) {
        return hosts.measuredPower[h];
    }

    @Override
    public double usedCpu(int h) {
        return ledger.usedCpu(h);
    }

    @Override
    public double usedRam(int h) {
        return ledger.usedRam(h);
    }

    @Override
    public double usedGpu(int h) {
        return ledger.usedGpu(h);
    }

    /** MIPS the server's VMs (as planned) ask for now, including tasks the plan assigns. */
    @Override
    public double demandCpu(int h) {
        return ledger.demandCpu(h);
    }

    @Override
    public double demandRam(int h) {
        return ledger.demandRam(h);
    }

    @Override
    public double demandGpu(int h) {
        return ledger.demandGpu(h);
    }

    @Override
    public int runningTasks(int h) {
        return ledger.runningTasks(h);
    }

    @Override
    public int taskSlots(int h) {
        return ledger.taskSlots(h);
    }

    @Override
    public int placedVmCount(int h) {
        return ledger.placedVms(h);
    }

    @Override
    public int vmCountOn(int h) {
        return vmLists.count(h);
    }

    @Override
    public int vmOn(int h, int i) {
        return vmLists.get(h, i);
    }

    @Override
    public int vmCount() {
        return vms.count;
    }

    @Override
    public IntList movableVms(int h) {
        return vmLists.movable(h, vms);
    }

    @Override
    public VmType vmType(int v) {
        return vms.type[v];
    }

    @Override
    public int vmHost(int v) {
        return vms.host[v];
    }

    @Override
    public boolean vmMigrating(int v) {
        return vms.migrating[v];
    }

    @Override
    public double vmCpu(int v) {
        return vms.cpu[v];
    }

    @Override
    public double vmRam(int v) {
        return vms.ram[v];
    }

    @Override
    public double vmGpu(int v) {
        return vms.gpu[v];
    }

    @Override
    public double vmDemandCpu(int v) {
        return vms.demandCpu[v];
    }

    @Override
    public int vmTasks(int v) {
        return vms.tasks[v];
    }

    @Override
    public double vmTaskCpu(int v) {
        return vms.taskCpu[v];
    }

    @Override
    public double vmTaskRam(int v) {
        return vms.taskRam[v];
    }

    @Override
    public double vmTaskGpu(int v) {
        return vms.taskGpu[v];
    }

    @Override
    public Resources vmFreeForTasks(int v) {
        return vms.freeForTasks(v);
    }

    @Override
    public int takenFrom(int v) {
        return vms.takenFrom[v];
    }

    @Override
    public boolean isExistingVm(int v) {
        return v < view.vmCount();
    }

    @Override
    public boolean isRunningVm(int v) {
        return v < view.vmCount() && view.vmStatus(v) == VmStatus.RUNNING && vms.host[v] == view.vmHost(v);
    }

    // ------------------------------------------------------------------ fitting

    @Override
    public boolean fits(int h, int v) {
        return fitRule.fits(h, v);
    }

    @Override
    public boolean hasSoftAffinity(int v) {
        return rules.affinity().hasSoftRule(v);
    }

    @Override
    public double softAffinityPenalty(int h, int v) {
        return AffinityCheck.softPenalty(this, rules.affinity(), h, v);
    }

    @Override
    public void forEachCandidate(IntPredicate filter, IntConsumer action) {
        forEachOccupied(filter, action);
        forEachEmptyRepresentative(filter, action);
    }

    @Override
    public void forEachOccupied(IntPredicate filter, IntConsumer action) {
        candidates.forEachOccupied(filter, action);
    }

    @Override
    public void forEachEmptyRepresentative(IntPredicate filter, IntConsumer action) {
        candidates.forEachEmptyRepresentative(filter, action);
    }

    @Override
    public UtilizationGroups utilizationGroups() {
        boolean[] accepts = hosts.accepts;
        boolean[] closed = hosts.closed;
        return candidates.groups(h -> accepts[h] && !closed[h] && !ledger.ownVmsAway(h), ledger::usedCpu,
                this::measuredPowerW);
    }

    @Override
    public boolean closedToVms(int h) {
        return hosts.closed[h];
    }
}
