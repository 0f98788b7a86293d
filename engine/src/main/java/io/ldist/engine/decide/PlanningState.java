package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;

import java.util.Arrays;
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

    // ---- candidate servers
    private final CandidateServers candidates;

    // ---- VMs (grow when the plan creates VMs)
    private int vmCount;
    private VmType[] vmType;
    private int[] vmHost;
    private double[] vmCpu;
    private double[] vmRam;
    private double[] vmGpu;
    private boolean[] vmMigrating;
    private boolean[] vmActedOn;
    private int[] vmActionAt;
    private double[] vmDemandCpu;
    private double[] vmDemandRam;
    private double[] vmDemandGpu;
    private double[] vmTaskCpu;
    private double[] vmTaskRam;
    private double[] vmTaskGpu;
    private int[] vmTasks;

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

        int vms = view.vmCount();
        int capacity = vms + 16;
        vmType = new VmType[capacity];
        vmHost = new int[capacity];
        vmCpu = new double[capacity];
        vmRam = new double[capacity];
        vmGpu = new double[capacity];
        vmMigrating = new boolean[capacity];
        vmActedOn = new boolean[capacity];
        vmActionAt = new int[capacity];
        vmDemandCpu = new double[capacity];
        vmDemandRam = new double[capacity];
        vmDemandGpu = new double[capacity];
        vmTaskCpu = new double[capacity];
        vmTaskRam = new double[capacity];
        vmTaskGpu = new double[capacity];
        vmTasks = new int[capacity];
        vmCount = vms;

        for (int h = 0; h < hostCount; h++) {
            state[h] = view.hostState(h);
            HostType type = view.hostType(h);
            hostTypes[h] = type;
            measured[h] = view.hostCpuUtilization(h);
            measuredPower[h] = type.power().watts(measured[h]);
            accepts[h] = acceptsVmsInPrinciple(h);
        }
        for (int v = 0; v < vms; v++) {
            loadVm(v);
        }
        candidates = new CandidateServers(view, h -> accepts[h], h -> counts[h * COUNTS + PLACED_VMS] > 0, state,
                boundCache);
    }

    private void loadVm(int v) {
        VmType type = view.vmType(v);
        vmType[v] = type;
        VmStatus status = view.vmStatus(v);
        int host = status == VmStatus.FINISHED ? -1 : view.vmHost(v);
        vmHost[v] = host;
        vmMigrating[v] = status == VmStatus.MIGRATING;
        if (host < 0 || rules.sizing() == VmSizing.RESERVATION) {
            vmCpu[v] = type.totalMips();
            vmRam[v] = type.ramMb();
            vmGpu[v] = type.gpus();
        } else {
            vmCpu[v] = view.vmCpuDemandMips(v);
            vmRam[v] = view.vmRamDemandMb(v);
            vmGpu[v] = view.vmGpuDemand(v);
        }
        if (host < 0) {
            setExpectedDemand(v);
            return;
        }
        vmDemandCpu[v] = view.vmCpuDemandMips(v);
        vmDemandRam[v] = view.vmRamDemandMb(v);
        vmDemandGpu[v] = view.vmGpuDemand(v);
        vmTasks[v] = view.vmRunningTasks(v);
        if (vmTasks[v] > 0) {
            vmTaskCpu[v] = view.vmCpuDemandMips(v);
            vmTaskRam[v] = view.vmRamDemandMb(v);
            vmTaskGpu[v] = view.vmGpuDemand(v);
        }
        addLoad(host, v, +1);
        int target = vmMigrating[v] ? view.vmMigrationTarget(v) : -1;
        if (target >= 0) {
            // An incoming VM already holds room on its target until the migration completes.
            int l = target * LOAD;
            load[l + USED_CPU] += vmCpu[v];
            load[l + USED_RAM] += vmRam[v];
            load[l + USED_GPU] += vmGpu[v];
            counts[target * COUNTS + PLACED_VMS]++;
        }
    }

    /**
     * A VM not yet running is expected to ask for its full reservation when its demand follows a trace (as
     * the study assumes at creation), and for nothing when its demand is the tasks it will be given.
     */
    private void setExpectedDemand(int v) {
        boolean traceLike = rules.sizing() == VmSizing.DEMAND;
        vmDemandCpu[v] = traceLike ? vmCpu[v] : 0;
        vmDemandRam[v] = traceLike ? vmRam[v] : 0;
        vmDemandGpu[v] = traceLike ? vmGpu[v] : 0;
    }

    private void addLoad(int host, int v, int sign) {
        int l = host * LOAD;
        load[l + USED_CPU] += sign * vmCpu[v];
        load[l + USED_RAM] += sign * vmRam[v];
        load[l + USED_GPU] += sign * vmGpu[v];
        load[l + DEMAND_CPU] += sign * vmDemandCpu[v];
        load[l + DEMAND_RAM] += sign * vmDemandRam[v];
        load[l + DEMAND_GPU] += sign * vmDemandGpu[v];
        int c = host * COUNTS;
        counts[c + RUNNING_TASKS] += sign * vmTasks[v];
        counts[c + TASK_SLOTS] += sign * vmType[v].taskSlots();
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
        return vmCount;
    }

    @Override
    public IntList movableVms(int h) {
        IntList movable = new IntList();
        for (int i = 0, n = vmCountOn(h); i < n; i++) {
            int vm = vmOn(h, i);
            if (!vmMigrating[vm]) {
                movable.add(vm);
            }
        }
        return movable;
    }

    @Override
    public VmType vmType(int v) {
        return vmType[v];
    }

    @Override
    public int vmHost(int v) {
        return vmHost[v];
    }

    @Override
    public boolean vmMigrating(int v) {
        return vmMigrating[v];
    }

    @Override
    public double vmCpu(int v) {
        return vmCpu[v];
    }

    @Override
    public double vmRam(int v) {
        return vmRam[v];
    }

    @Override
    public double vmGpu(int v) {
        return vmGpu[v];
    }

    @Override
    public double vmDemandCpu(int v) {
        return vmDemandCpu[v];
    }

    @Override
    public int vmTasks(int v) {
        return vmTasks[v];
    }

    @Override
    public double vmTaskCpu(int v) {
        return vmTaskCpu[v];
    }

    @Override
    public double vmTaskRam(int v) {
        return vmTaskRam[v];
    }

    @Override
    public double vmTaskGpu(int v) {
        return vmTaskGpu[v];
    }

    @Override
    public Resources vmFreeForTasks(int v) {
        VmType type = vmType[v];
        return new Resources(type.totalMips() - vmTaskCpu[v], type.gpus() - vmTaskGpu[v],
                type.ramMb() - vmTaskRam[v], Double.MAX_VALUE);
    }

    @Override
    public boolean isExistingVm(int v) {
        return v < view.vmCount();
    }

    @Override
    public boolean isRunningVm(int v) {
        return v < view.vmCount() && view.vmStatus(v) == VmStatus.RUNNING && vmHost[v] == view.vmHost(v);
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
        int vmCores = vmType[v].cores();
        if (vmCores > type.cores() || vmCpu[v] / vmCores > type.mipsPerCore()) {
            return false;
        }
        int l = h * LOAD;
        return load[l + USED_CPU] + vmCpu[v] <= type.totalMips()
                && load[l + USED_RAM] + vmRam[v] <= type.ramMb()
                && load[l + USED_GPU] + vmGpu[v] <= type.gpus();
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
        if (vmHost[v] >= 0) {
            throw new IllegalStateException("vm-" + v + " is still on host-" + vmHost[v] + "; remove it first");
        }
        if (state[h] == HostState.STANDBY) {
            state[h] = HostState.ACTIVE;
            resumePlanned[h] = true;
            accepts[h] = true;
        }
        vmHost[v] = h;
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
        int h = vmHost[v];
        if (h < 0) {
            throw new IllegalStateException("vm-" + v + " is on no host");
        }
        addLoad(h, v, -1);
        vmListFor(h).removeValue(v);
        vmHost[v] = -1;
        if (isExistingVm(v) && view.vmHost(v) == h && view.vmStatus(v) != VmStatus.FINISHED) {
            counts[h * COUNTS + OWN_VMS_AWAY]++;
        }
        regroup(h);
    }

    /** Creates a new VM of the given type in the plan and returns its index (not yet on any server). */
    public int createVm(VmType type) {
        if (vmCount == vmType.length) {
            grow(vmCount * 2);
        }
        int v = vmCount++;
        vmType[v] = type;
        vmHost[v] = -1;
        vmMigrating[v] = false;
        vmActedOn[v] = false;
        vmCpu[v] = type.totalMips();
        vmRam[v] = type.ramMb();
        vmGpu[v] = type.gpus();
        setExpectedDemand(v);
        vmTasks[v] = 0;
        vmTaskCpu[v] = 0;
        vmTaskRam[v] = 0;
        vmTaskGpu[v] = 0;
        return v;
    }

    /** Position in the plan of the action that starts or moves VM {@code v}, or -1 when there is none. */
    public int actionOf(int v) {
        return vmActedOn[v] ? vmActionAt[v] : -1;
    }

    /** Notes that the action at {@code position} of the plan starts or moves VM {@code v} (-1: none now). */
    public void setActionOf(int v, int position) {
        vmActedOn[v] = position >= 0;
        vmActionAt[v] = position;
    }

    /** Forgets the VM most recently created by {@link #createVm}, which the plan decided not to use after all. */
    public void discardNewVm(int v) {
        if (v != vmCount - 1 || v < view.vmCount() || vmHost[v] >= 0) {
            throw new IllegalStateException("only the last new VM, still unplaced, can be discarded; vm-" + v);
        }
        vmCount--;
    }

    /** Records that the plan starts a task with the given demand on VM {@code v}. */
    public void assignTask(int v, Resources demand) {
        int h = vmHost[v];
        vmTasks[v]++;
        vmTaskCpu[v] += demand.cpuMips();
        vmTaskRam[v] += demand.ramMb();
        vmTaskGpu[v] += demand.gpus();
        vmDemandCpu[v] += demand.cpuMips();
        vmDemandRam[v] += demand.ramMb();
        vmDemandGpu[v] += demand.gpus();
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

    /** Records a change of server state made by the plan (drain, fence, stop, terminate). */
    public void setHostState(int h, HostState newState) {
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

    private void grow(int capacity) {
        vmType = Arrays.copyOf(vmType, capacity);
        vmHost = Arrays.copyOf(vmHost, capacity);
        vmCpu = Arrays.copyOf(vmCpu, capacity);
        vmRam = Arrays.copyOf(vmRam, capacity);
        vmGpu = Arrays.copyOf(vmGpu, capacity);
        vmMigrating = Arrays.copyOf(vmMigrating, capacity);
        vmActedOn = Arrays.copyOf(vmActedOn, capacity);
        vmActionAt = Arrays.copyOf(vmActionAt, capacity);
        vmTaskCpu = Arrays.copyOf(vmTaskCpu, capacity);
        vmTaskRam = Arrays.copyOf(vmTaskRam, capacity);
        vmTaskGpu = Arrays.copyOf(vmTaskGpu, capacity);
        vmTasks = Arrays.copyOf(vmTasks, capacity);
        vmDemandCpu = Arrays.copyOf(vmDemandCpu, capacity);
        vmDemandRam = Arrays.copyOf(vmDemandRam, capacity);
        vmDemandGpu = Arrays.copyOf(vmDemandGpu, capacity);
    }
}
