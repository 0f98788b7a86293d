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
 * The engine's scratch copy of the fleet for one decision: it starts as the {@link ClusterView} and records
 * the moves that the plan being built would make, so that each later choice sees the earlier ones. The view
 * itself is never changed (no "temporary VMs" on real servers, unlike CloudSim).
 *
 * Policies read it as a {@link PlanView}; the candidate servers a placement looks at are kept by
 * {@link CandidateServers}.
 */
public final class PlanningState implements PlanView {
    private final ClusterView view;
    private final FleetRules rules;
    private final Trigger trigger;

    // ---- servers
    private final int hostCount;
    private final HostState[] state;
    private final boolean[] resumePlanned;
    /*
     * What the plan puts on each server, server by server in one array (LOAD values from h * LOAD), and its
     * counts likewise (COUNTS from h * COUNTS): a placement search reads all of a server's figures at once, and
     * over a large fleet one cache line per server instead of one per figure is what keeps it fast.
     */
    private static final int USED_CPU = 0;
    private static final int USED_RAM = 1;
    private static final int USED_GPU = 2;
    private static final int DEMAND_CPU = 3;
    private static final int DEMAND_RAM = 4;
    private static final int DEMAND_GPU = 5;
    private static final int LOAD = 6;
    private static final int RUNNING_TASKS = 0;
    private static final int TASK_SLOTS = 1;
    private static final int PLACED_VMS = 2;
    /** How many of the VMs a server holds in the view the plan has taken off it: such a server takes none. */
    private static final int OWN_VMS_AWAY = 3;
    private static final int COUNTS = 4;
    private final double[] load;
    private final int[] counts;
    /** Servers a step has closed to VMs for the rest of this plan. */
    private final boolean[] closed;
    private final boolean[] accepts;
    private final HostType[] hostTypes;
    private final double[] measured;
    private final double[] measuredPower;
    /** Per-server VM list, copied from the view the first time the plan changes it. */
    private final IntList[] changedVmLists;

    // ---- disruption (see DisruptionBudget): servers draining with VMs or giving VMs up, and how many may be
    private final boolean[] disrupted;
    private int disruptedCount;
    private final int disruptionAllowed;
    /** Servers a rolling update holds for this plan: no scale-in, emptying or idle stop may retire them. */
    private final boolean[] heldForUpdate;

    // ---- candidate servers
    private final CandidateServers candidates;

    // ---- VMs (grow when the plan creates VMs)
    private final PlannedVms vms;

    public PlanningState(ClusterView view, FleetRules rules, Trigger trigger) {
        this(view, rules, trigger, new UtilizationGroups.BoundCache());
    }

    /** @param boundCache group bounds remembered across decisions (see {@link UtilizationGroups.BoundCache}) */
    public PlanningState(ClusterView view, FleetRules rules, Trigger trigger, UtilizationGroups.BoundCache boundCache) {
        this.view = view;
        this.rules = rules;
        this.trigger = trigger;
        this.hostCount = view.hostCount();
        this.state = new HostState[hostCount];
        this.resumePlanned = new boolean[hostCount];
        this.load = new double[hostCount * LOAD];
        this.counts = new int[hostCount * COUNTS];
        this.closed = new boolean[hostCount];
        this.accepts = new boolean[hostCount];
        this.hostTypes = new HostType[hostCount];
        this.measured = new double[hostCount];
        this.measuredPower = new double[hostCount];
        this.changedVmLists = new IntList[hostCount];

        this.vms = new PlannedVms(view.vmCount());

        for (int h = 0; h < hostCount; h++) {
            state[h] = view.hostState(h);
            HostType type = view.hostType(h);
            hostTypes[h] = type;
            measured[h] = view.hostCpuUtilization(h);
            measuredPower[h] = type.power().watts(measured[h]);
            accepts[h] = acceptsVmsInPrinciple(h);
        }
        for (int v = 0; v < view.vmCount(); v++) {
            loadVm(v);
        }
        disrupted = new boolean[hostCount];
        heldForUpdate = new boolean[hostCount];
        if (rules.disruption() != null) {
            for (int h = 0; h < hostCount; h++) {
                if (DisruptionBudget.disruptedInView(view, h)) {
                    disrupted[h] = true;
                    disruptedCount++;
                }
            }
        }
        disruptionAllowed = rules.disruption() == null ? Integer.MAX_VALUE
                : rules.disruption().allowed(DisruptionBudget.activeHosts(view));
        candidates = new CandidateServers(view, h -> accepts[h], h -> counts[h * COUNTS + PLACED_VMS] > 0, state,
                boundCache);
    }

    private void loadVm(int v) {
        VmType type = view.vmType(v);
        vms.type[v] = type;
        VmStatus status = view.vmStatus(v);
        int host = status == VmStatus.FINISHED ? -1 : view.vmHost(v);
        vms.host[v] = host;
        vms.migrating[v] = status == VmStatus.MIGRATING;
        if (host < 0 || rules.sizing() == VmSizing.RESERVATION) {
            vms.cpu[v] = type.totalMips();
            vms.ram[v] = type.ramMb();
            vms.gpu[v] = type.gpus();
        } else {
            vms.cpu[v] = view.vmCpuDemandMips(v);
            vms.ram[v] = view.vmRamDemandMb(v);
            vms.gpu[v] = view.vmGpuDemand(v);
        }
        if (host < 0) {
            setExpectedDemand(v);
            return;
        }
        vms.demandCpu[v] = view.vmCpuDemandMips(v);
        vms.demandRam[v] = view.vmRamDemandMb(v);
        vms.demandGpu[v] = view.vmGpuDemand(v);
        vms.tasks[v] = view.vmRunningTasks(v);
        if (vms.tasks[v] > 0) {
            vms.taskCpu[v] = view.vmCpuDemandMips(v);
            vms.taskRam[v] = view.vmRamDemandMb(v);
            vms.taskGpu[v] = view.vmGpuDemand(v);
        }
        addLoad(host, v, +1);
        int target = vms.migrating[v] ? view.vmMigrationTarget(v) : -1;
        if (target >= 0) {
            // An incoming VM already holds room on its target until the migration completes.
            int l = target * LOAD;
            load[l + USED_CPU] += vms.cpu[v];
            load[l + USED_RAM] += vms.ram[v];
            load[l + USED_GPU] += vms.gpu[v];
            counts[target * COUNTS + PLACED_VMS]++;
        }
    }

    /**
     * A VM not yet running is expected to ask for its full reservation when its demand follows a trace (as
     * the study assumes at creation), and for nothing when its demand is the tasks it will be given.
     */
    private void setExpectedDemand(int v) {
        boolean traceLike = rules.sizing() == VmSizing.DEMAND;
        vms.demandCpu[v] = traceLike ? vms.cpu[v] : 0;
        vms.demandRam[v] = traceLike ? vms.ram[v] : 0;
        vms.demandGpu[v] = traceLike ? vms.gpu[v] : 0;
    }

    private void addLoad(int host, int v, int sign) {
        int l = host * LOAD;
        load[l + USED_CPU] += sign * vms.cpu[v];
        load[l + USED_RAM] += sign * vms.ram[v];
        load[l + USED_GPU] += sign * vms.gpu[v];
        load[l + DEMAND_CPU] += sign * vms.demandCpu[v];
        load[l + DEMAND_RAM] += sign * vms.demandRam[v];
        load[l + DEMAND_GPU] += sign * vms.demandGpu[v];
        int c = host * COUNTS;
        counts[c + RUNNING_TASKS] += sign * vms.tasks[v];
        counts[c + TASK_SLOTS] += sign * vms.type[v].taskSlots();
        counts[c + PLACED_VMS] += sign;
    }

    /** Active servers, and standby servers that switch on instantly, may receive VMs. */
    private boolean acceptsVmsInPrinciple(int h) {
        return state[h] == HostState.ACTIVE
                || (state[h] == HostState.STANDBY && hostTypes[h].resumeTimeS() == 0);
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
        return hostTypes[h];
    }

    /** CPU capacity of the server in MIPS. */
    @Override
    public double capacityMips(int h) {
        return hostTypes[h].totalMips();
    }

    @Override
    public HostState hostState(int h) {
        return state[h];
    }

    @Override
    public boolean resumePlanned(int h) {
        return resumePlanned[h];
    }

    @Override
    public double measuredUtilization(int h) {
        return measured[h];
    }

    @Override
    public double measuredPowerW(int h) {
        return measuredPower[h];
    }

    @Override
    public double usedCpu(int h) {
        return load[h * LOAD + USED_CPU];
    }

    @Override
    public double usedRam(int h) {
        return load[h * LOAD + USED_RAM];
    }

    @Override
    public double usedGpu(int h) {
        return load[h * LOAD + USED_GPU];
    }

    /** MIPS the server's VMs (as planned) ask for now, including tasks the plan assigns. */
    @Override
    public double demandCpu(int h) {
        return load[h * LOAD + DEMAND_CPU];
    }

    @Override
    public double demandRam(int h) {
        return load[h * LOAD + DEMAND_RAM];
    }

    @Override
    public double demandGpu(int h) {
        return load[h * LOAD + DEMAND_GPU];
    }

    @Override
    public int runningTasks(int h) {
        return counts[h * COUNTS + RUNNING_TASKS];
    }

    @Override
    public int taskSlots(int h) {
        return counts[h * COUNTS + TASK_SLOTS];
    }

    @Override
    public int placedVmCount(int h) {
        return counts[h * COUNTS + PLACED_VMS];
    }

    @Override
    public int vmCountOn(int h) {
        IntList changed = changedVmLists[h];
        return changed != null ? changed.size() : view.hostVmCount(h);
    }

    @Override
    public int vmOn(int h, int i) {
        IntList changed = changedVmLists[h];
        return changed != null ? changed.get(i) : view.hostVm(h, i);
    }

    @Override
    public int vmCount() {
        return vms.count;
    }

    @Override
    public IntList movableVms(int h) {
        IntList movable = new IntList();
        for (int i = 0, n = vmCountOn(h); i < n; i++) {
            int vm = vmOn(h, i);
            if (!vms.migrating[vm]) {
                movable.add(vm);
            }
        }
        return movable;
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
        VmType type = vms.type[v];
        return new Resources(type.totalMips() - vms.taskCpu[v], type.gpus() - vms.taskGpu[v],
                type.ramMb() - vms.taskRam[v], Double.MAX_VALUE);
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
        int c = h * COUNTS;
        if (!accepts[h] || closed[h] || counts[c + OWN_VMS_AWAY] > 0
                || counts[c + PLACED_VMS] >= rules.maxVmsPerHost()) {
            return false;
        }
        HostType type = hostTypes[h];
        int vmCores = vms.type[v].cores();
        if (vmCores > type.cores() || vms.cpu[v] / vmCores > type.mipsPerCore()
                || !rules.pools().admits(type, vms.type[v])) {
            return false; // a server runs its own pool's VMs only
        }
        int l = h * LOAD;
        return load[l + USED_CPU] + vms.cpu[v] <= type.totalMips()
                && load[l + USED_RAM] + vms.ram[v] <= type.ramMb()
                && load[l + USED_GPU] + vms.gpu[v] <= type.gpus()
                && (rules.affinity().ruleCountOf(v) == 0 || AffinityCheck.allows(this, rules.affinity(), h, v));
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

    // ------------------------------------------------------------------ changing the plan

    @Override
    public UtilizationGroups utilizationGroups() {
        return candidates.groups(h -> accepts[h] && !closed[h] && counts[h * COUNTS + OWN_VMS_AWAY] == 0,
                h -> load[h * LOAD + USED_CPU], this::measuredPowerW);
    }

    private void regroup(int h) {
        candidates.regroup(h);
    }

    /** Puts VM {@code v} (pending, new, or just removed from its server) on server {@code h}. */
    public void place(int v, int h) {
        if (vms.host[v] >= 0) {
            throw new IllegalStateException("vm-" + v + " is still on host-" + vms.host[v] + "; remove it first");
        }
        if (state[h] == HostState.STANDBY) {
            state[h] = HostState.ACTIVE;
            resumePlanned[h] = true;
            accepts[h] = true;
        }
        vms.host[v] = h;
        vmListFor(h).add(v);
        addLoad(h, v, +1);
        if (isExistingVm(v) && view.vmHost(v) == h && view.vmStatus(v) != VmStatus.FINISHED) {
            counts[h * COUNTS + OWN_VMS_AWAY]--; // a tentative removal undone
        }
        candidates.occupy(h);
        regroup(h);
    }

    /** Takes VM {@code v} off its planned server (to move it, or because its server failed). */
    public void remove(int v) {
        int h = vms.host[v];
        if (h < 0) {
            throw new IllegalStateException("vm-" + v + " is on no host");
        }
        addLoad(h, v, -1);
        vmListFor(h).removeValue(v);
        vms.host[v] = -1;
        vms.takenFrom[v] = h;
        if (isExistingVm(v) && view.vmHost(v) == h && view.vmStatus(v) != VmStatus.FINISHED) {
            counts[h * COUNTS + OWN_VMS_AWAY]++;
        }
        regroup(h);
    }

    /** Creates a new VM of the given type in the plan and returns its index (not yet on any server). */
    public int createVm(VmType type) {
        int v = vms.create(type);
        setExpectedDemand(v);
        return v;
    }

    /** Position in the plan of the action that starts or moves VM {@code v}, or -1 when there is none. */
    public int actionOf(int v) {
        return vms.actedOn[v] ? vms.actionAt[v] : -1;
    }

    /** Notes that the action at {@code position} of the plan starts or moves VM {@code v} (-1: none now). */
    public void setActionOf(int v, int position) {
        vms.actedOn[v] = position >= 0;
        vms.actionAt[v] = position;
    }

    /** Forgets the VM most recently created by {@link #createVm}, which the plan decided not to use after all. */
    public void discardNewVm(int v) {
        if (v != vms.count - 1 || v < view.vmCount() || vms.host[v] >= 0) {
            throw new IllegalStateException("only the last new VM, still unplaced, can be discarded; vm-" + v);
        }
        vms.count--;
    }

    /** Records that the plan starts a task with the given demand on VM {@code v}. */
    public void assignTask(int v, Resources demand) {
        int h = vms.host[v];
        vms.tasks[v]++;
        vms.taskCpu[v] += demand.cpuMips();
        vms.taskRam[v] += demand.ramMb();
        vms.taskGpu[v] += demand.gpus();
        vms.demandCpu[v] += demand.cpuMips();
        vms.demandRam[v] += demand.ramMb();
        vms.demandGpu[v] += demand.gpus();
        if (h >= 0) {
            counts[h * COUNTS + RUNNING_TASKS]++;
            int l = h * LOAD;
            load[l + DEMAND_CPU] += demand.cpuMips();
            load[l + DEMAND_RAM] += demand.ramMb();
            load[l + DEMAND_GPU] += demand.gpus();
        }
    }

    /** Closes server {@code h} to VMs for the rest of this plan (it is overloaded, or being emptied). */
    public void closeToVms(int h) {
        closed[h] = true;
        regroup(h);
    }

    /** Opens a server closed by {@link #closeToVms} again (a step that closed it only for one of its phases). */
    public void reopenToVms(int h) {
        closed[h] = false;
        regroup(h);
    }

    @Override
    public boolean closedToVms(int h) {
        return closed[h];
    }

    /**
     * Whether the plan may disrupt server {@code h} (drain it, or migrate a VM off it for a reason
     * other than failover) within the fleet's disruption budget: always when it is disrupted already.
     */
    public boolean mayDisrupt(int h) {
        return disrupted[h] || disruptedCount < disruptionAllowed;
    }

    /**
     * Keeps server {@code h} in service for the rest of this plan: a rolling update relies on it (capacity added
     * for the update, or a server still to update), so steps that retire servers leave it alone.
     */
    public void holdForUpdate(int h) {
        heldForUpdate[h] = true;
    }

    /** Whether a rolling update holds server {@code h} in service (see {@link #holdForUpdate}). */
    public boolean heldForUpdate(int h) {
        return heldForUpdate[h];
    }

    /** Counts server {@code h} as disrupted by the plan (see {@link #mayDisrupt}). */
    void disrupt(int h) {
        if (!disrupted[h]) {
            disrupted[h] = true;
            disruptedCount++;
        }
    }

    /** Records a change of server state made by the plan (drain, fence, stop, terminate). */
    public void setHostState(int h, HostState newState) {
        if (newState == HostState.DRAINING) {
            disrupt(h);
        }
        if (state[h] == HostState.STANDBY && newState == HostState.ACTIVE) {
            resumePlanned[h] = true; // an instant resume: it is for the VMs to come, not idle
        }
        state[h] = newState;
        accepts[h] = acceptsVmsInPrinciple(h);
        regroup(h);
    }

    private IntList vmListFor(int h) {
        IntList list = changedVmLists[h];
        if (list == null) {
            int n = view.hostVmCount(h);
            list = new IntList(n + 2);
            for (int i = 0; i < n; i++) {
                list.add(view.hostVm(h, i));
            }
            changedVmLists[h] = list;
        }
        return list;
    }
}
