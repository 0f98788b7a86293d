package io.ldist.engine.dispatch;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.place.TaskRankBounds;
import io.ldist.engine.util.IntList;

import java.util.Arrays;

/**
 * The servers that can take a task, kept up to date by deltas, so that choosing where a task runs does not
 * look at every server. It holds what task dispatch reads of each server (state, what its VMs' tasks ask for,
 * task slots) and of each VM (free slots and room), and over the servers a segment tree: each node keeps the
 * most room any one VM below it has (per resource) and the extremes of the placement policy's bound keys
 * ({@link TaskRankBounds}). A search goes down the tree best bound first and skips every node that has no
 * VM with room for the task or whose bound cannot beat the best server found so far.
 *
 * <p>The choice is exactly that of a scan over every server in index order: the best rank of the policy,
 * ties to the lowest server index, and on that server the VM with the most free CPU (ties to the first in the
 * server's list). Cost of one choice: O(log n) node visits when the bound is tight (least-loaded with any
 * scorer, first fit), more when many servers share bounds but lack room for this task; updating one server
 * costs O(k log n) for k bound keys.
 *
 * <p>Figures are taken from a {@link PlanningState} ({@link #load}) or from a view ({@link #refresh}) with the
 * same arithmetic in the same order as the planning state, so both give bit-identical ranks.
 */
public final class DispatchIndex implements HostLoads {
    private final PlacementPolicy placement;
    private final TaskRankBounds bounds;
    private final int keys;
    private HostGate gate = HostGate.ALWAYS_OPEN;

    // ---- servers
    private int hostCount;
    private HostType[] hostType = new HostType[0];
    private boolean[] active = new boolean[0];
    private double[] demandCpu = new double[0];
    private double[] demandRam = new double[0];
    private double[] demandGpu = new double[0];
    private int[] runningTasks = new int[0];
    private int[] taskSlots = new int[0];
    private IntList[] vmsOn = new IntList[0];

    // ---- VMs
    private VmType[] vmType = new VmType[0];
    private int[] vmHost = new int[0];
    private boolean[] vmUsable = new boolean[0];
    private int[] vmTasks = new int[0];
    private double[] vmTaskCpu = new double[0];
    private double[] vmTaskRam = new double[0];
    private double[] vmTaskGpu = new double[0];

    // ---- the tree: node 1 is the root, leaves from `leaves`; an empty node has no room and bounds of +inf
    private int leaves;
    private double[] roomCpu = new double[0];
    private double[] roomRam = new double[0];
    private double[] roomGpu = new double[0];
    private double[] keyMin = new double[0];
    private double[] keyMax = new double[0];
    private final double[] scratch;
    /** A server's VMs in index order, the order a planning state sums them in. */
    private int[] byIndex = new int[4];

    // ---- the search in progress
    private int bestHost;
    private int bestVm;
    private double bestRank;

    public DispatchIndex(PlacementPolicy placement) {
        this.placement = placement;
        this.bounds = placement.taskRankBounds();
        this.keys = bounds.keyCount();
        this.scratch = new double[keys];
    }

    // ------------------------------------------------------------------ filling

    /** Takes every server and VM from the plan as it stands (a whole decision's dispatch). */
    public void load(PlanningState plan, HostGate gate) {
        this.gate = gate;
        hostCount = plan.hostCount();
        ensureHosts(hostCount);
        ensureVms(plan.vmCount());
        for (int h = 0; h < hostCount; h++) {
            hostType[h] = plan.hostType(h);
            active[h] = plan.hostState(h) == HostState.ACTIVE;
            demandCpu[h] = plan.demandCpu(h);
            demandRam[h] = plan.demandRam(h);
            demandGpu[h] = plan.demandGpu(h);
            runningTasks[h] = plan.runningTasks(h);
            taskSlots[h] = plan.taskSlots(h);
            IntList list = vmList(h);
            list.clear();
            for (int i = 0, n = plan.vmCountOn(h); i < n; i++) {
                int vm = plan.vmOn(h, i);
                list.add(vm);
                vmHost[vm] = h;
                vmType[vm] = plan.vmType(vm);
                vmUsable[vm] = !plan.vmMigrating(vm) && plan.isRunningVm(vm);
                vmTasks[vm] = plan.vmTasks(vm);
                vmTaskCpu[vm] = plan.vmTaskCpu(vm);
                vmTaskRam[vm] = plan.vmTaskRam(vm);
                vmTaskGpu[vm] = plan.vmTaskGpu(vm);
            }
        }
        rebuildTree();
    }

    /** Takes every server and VM from the view, as a fresh planning state would read them (no plan yet). */
    public void load(ClusterView view, HostGate gate) {
        this.gate = gate;
        hostCount = view.hostCount();
        ensureHosts(hostCount);
        ensureVms(view.vmCount());
        for (int h = 0; h < hostCount; h++) {
            read(h, view);
        }
        rebuildTree();
    }

    /**
     * Takes server {@code h} and its VMs again from the view, as a fresh planning state would read them: the
     * server's figures summed over its VMs in VM index order.
     */
    public void refresh(int h, ClusterView view) {
        if (h >= hostCount) {
            throw new IllegalStateException("host-" + h + " is not in the index; load it first");
        }
        ensureVms(view.vmCount());
        read(h, view);
        update(h);
    }

    private void read(int h, ClusterView view) {
        hostType[h] = view.hostType(h);
        active[h] = view.hostState(h) == HostState.ACTIVE;
        IntList list = vmList(h);
        list.clear();
        for (int i = 0, n = view.hostVmCount(h); i < n; i++) {
            list.add(view.hostVm(h, i));
        }
        int n = list.size();
        if (byIndex.length < n) {
            byIndex = new int[n];
        }
        for (int i = 0; i < n; i++) {
            byIndex[i] = list.get(i);
        }
        Arrays.sort(byIndex, 0, n);
        double cpu = 0;
        double ram = 0;
        double gpu = 0;
        int running = 0;
        int slots = 0;
        for (int k = 0; k < n; k++) {
            int vm = byIndex[k];
            VmStatus status = view.vmStatus(vm);
            vmHost[vm] = h;
            vmType[vm] = view.vmType(vm);
            vmUsable[vm] = status == VmStatus.RUNNING;
            vmTasks[vm] = view.vmRunningTasks(vm);
            boolean busy = vmTasks[vm] > 0;
            vmTaskCpu[vm] = busy ? view.vmCpuDemandMips(vm) : 0;
            vmTaskRam[vm] = busy ? view.vmRamDemandMb(vm) : 0;
            vmTaskGpu[vm] = busy ? view.vmGpuDemand(vm) : 0;
            cpu += view.vmCpuDemandMips(vm);
            ram += view.vmRamDemandMb(vm);
            gpu += view.vmGpuDemand(vm);
            running += vmTasks[vm];
            slots += vmType[vm].taskSlots();
        }
        demandCpu[h] = cpu;
        demandRam[h] = ram;
        demandGpu[h] = gpu;
        runningTasks[h] = running;
        taskSlots[h] = slots;
    }

    public int hostCount() {
        return hostCount;
    }

    /** Takes a change of the gate of {@code h} (a breaker opened, closed, or let its probe go). */
    public void gateChanged(int h) {
        if (h < hostCount) {
            update(h);
        }
    }

    /** Records that a task with {@code demand} starts on {@code vm}, as {@link PlanningState#assignTask} does. */
    public void assign(int vm, Resources demand) {
        int h = hostOf(vm);
        vmTasks[vm]++;
        vmTaskCpu[vm] += demand.cpuMips();
        vmTaskRam[vm] += demand.ramMb();
        vmTaskGpu[vm] += demand.gpus();
        runningTasks[h]++;
        demandCpu[h] += demand.cpuMips();
        demandRam[h] += demand.ramMb();
        demandGpu[h] += demand.gpus();
        update(h);
    }

    private int hostOf(int vm) {
        int h = vm < vmHost.length ? vmHost[vm] : -1;
        if (h < 0 || h >= hostCount || !vmsOn[h].contains(vm)) {
            throw new IllegalStateException("vm-" + vm + " is on no server of the index");
        }
        return h;
    }

    /**
     * The most room any one VM with a free slot has on the given servers, per resource ({CPU, RAM, GPU};
     * -inf each when none has a free slot): no task asking for more in some resource fits there.
     */
    public double[] room(IntList hosts) {
        double[] most = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < hosts.size(); i++) {
            int h = hosts.get(i);
            if (h < leaves) {
                most[0] = Math.max(most[0], roomCpu[leaves + h]);
                most[1] = Math.max(most[1], roomRam[leaves + h]);
                most[2] = Math.max(most[2], roomGpu[leaves + h]);
            }
        }
        return most;
    }

    /** The most room any one VM with a free slot has, per resource ({CPU, RAM, GPU}), over all servers. */
    public double[] roomAnywhere() {
        return new double[] {roomCpu[1], roomRam[1], roomGpu[1]};
    }

    // ------------------------------------------------------------------ choosing

    /** The VM a task asking for {@code demand} should run on, or -1 when none has room. */
    public int choose(Resources demand) {
        bestHost = -1;
        bestVm = -1;
        bestRank = Double.POSITIVE_INFINITY;
        if (hostCount > 0) {
            search(1, 0, leaves, demand);
        }
        return bestVm;
    }

    /** The server of the VM last chosen (-1 when none was). */
    public int chosenHost() {
        return bestHost;
    }

    private void search(int node, int first, int size, Resources demand) {
        if (size == 1) {
            consider(first, demand);
            return;
        }
        int half = size / 2;
        int left = 2 * node;
        int right = left + 1;
        double leftBound = boundOf(left, demand);
        double rightBound = boundOf(right, demand);
        if (rightBound < leftBound) {
            if (worthVisiting(rightBound, first + half)) {
                search(right, first + half, half, demand);
            }
            if (worthVisiting(leftBound, first)) {
                search(left, first, half, demand);
            }
        } else {
            if (worthVisiting(leftBound, first)) {
                search(left, first, half, demand);
            }
            if (worthVisiting(rightBound, first + half)) {
                search(right, first + half, half, demand);
            }
        }
    }

    /** The node's bound, or +inf when no VM below it has room for the task. */
    private double boundOf(int node, Resources demand) {
        if (roomCpu[node] < demand.cpuMips() || roomRam[node] < demand.ramMb() || roomGpu[node] < demand.gpus()) {
            return Double.POSITIVE_INFINITY;
        }
        return bounds.lowerBound(keyMin, keyMax, node * keys, demand);
    }

    /** A node may hold a better server: a lower rank, or the same rank at a lower index than the best so far. */
    private boolean worthVisiting(double bound, int firstHost) {
        if (bound == Double.POSITIVE_INFINITY) {
            return false;
        }
        return bestHost < 0 || bound < bestRank || (bound == bestRank && firstHost < bestHost);
    }

    private void consider(int h, Resources demand) {
        if (h >= hostCount || !admitsTasks(h)) {
            return;
        }
        double rank = placement.rankForTask(h, demand, this);
        if (bestHost >= 0 && (rank > bestRank || (rank == bestRank && h > bestHost))) {
            return;
        }
        int vm = roomiestVm(h, demand);
        if (vm >= 0) {
            bestHost = h;
            bestVm = vm;
            bestRank = rank;
        }
    }

    private boolean admitsTasks(int h) {
        return active[h] && runningTasks[h] < taskSlots[h] && gate.admits(h);
    }

    /** On a server, the VM with a free slot and room for the task that has the most free CPU. */
    private int roomiestVm(int h, Resources demand) {
        int chosen = -1;
        double mostFreeCpu = Double.NEGATIVE_INFINITY;
        IntList vms = vmsOn[h];
        for (int i = 0; i < vms.size(); i++) {
            int vm = vms.get(i);
            if (!hasSlot(vm)) {
                continue;
            }
            VmType type = vmType[vm];
            double freeCpu = type.totalMips() - vmTaskCpu[vm];
            if (demand.cpuMips() <= freeCpu && demand.gpus() <= type.gpus() - vmTaskGpu[vm]
                    && demand.ramMb() <= type.ramMb() - vmTaskRam[vm] && freeCpu > mostFreeCpu) {
                mostFreeCpu = freeCpu;
                chosen = vm;
            }
        }
        return chosen;
    }

    private boolean hasSlot(int vm) {
        return vmUsable[vm] && vmTasks[vm] < vmType[vm].taskSlots();
    }

    // ------------------------------------------------------------------ HostLoads

    @Override
    public HostType hostType(int host) {
        return hostType[host];
    }

    @Override
    public double demandCpu(int host) {
        return demandCpu[host];
    }

    @Override
    public double demandRam(int host) {
        return demandRam[host];
    }

    @Override
    public double demandGpu(int host) {
        return demandGpu[host];
    }

    @Override
    public int runningTasks(int host) {
        return runningTasks[host];
    }

    @Override
    public int taskSlots(int host) {
        return taskSlots[host];
    }

    // ------------------------------------------------------------------ the tree

    private void rebuildTree() {
        int wanted = Integer.highestOneBit(Math.max(1, hostCount));
        if (wanted < hostCount) {
            wanted <<= 1;
        }
        if (wanted != leaves) {
            leaves = wanted;
            roomCpu = new double[2 * leaves];
            roomRam = new double[2 * leaves];
            roomGpu = new double[2 * leaves];
            keyMin = new double[2 * leaves * keys];
            keyMax = new double[2 * leaves * keys];
        }
        for (int i = 0; i < leaves; i++) {
            fillLeaf(i);
        }
        for (int node = leaves - 1; node >= 1; node--) {
            combine(node);
        }
    }

    private void update(int h) {
        if (h >= leaves) {
            rebuildTree();
            return;
        }
        fillLeaf(h);
        for (int node = (leaves + h) / 2; node >= 1; node /= 2) {
            if (!combine(node)) {
                return; // nothing above changes either
            }
        }
    }

    private void fillLeaf(int h) {
        int node = leaves + h;
        double cpu = Double.NEGATIVE_INFINITY;
        double ram = Double.NEGATIVE_INFINITY;
        double gpu = Double.NEGATIVE_INFINITY;
        if (h < hostCount && admitsTasks(h)) {
            IntList vms = vmsOn[h];
            for (int i = 0; i < vms.size(); i++) {
                int vm = vms.get(i);
                if (hasSlot(vm)) {
                    VmType type = vmType[vm];
                    cpu = Math.max(cpu, type.totalMips() - vmTaskCpu[vm]);
                    ram = Math.max(ram, type.ramMb() - vmTaskRam[vm]);
                    gpu = Math.max(gpu, type.gpus() - vmTaskGpu[vm]);
                }
            }
        }
        roomCpu[node] = cpu;
        roomRam[node] = ram;
        roomGpu[node] = gpu;
        int at = node * keys;
        if (cpu == Double.NEGATIVE_INFINITY) {
            Arrays.fill(keyMin, at, at + keys, Double.POSITIVE_INFINITY);
            Arrays.fill(keyMax, at, at + keys, Double.NEGATIVE_INFINITY);
            return;
        }
        bounds.keys(h, this, scratch, 0);
        System.arraycopy(scratch, 0, keyMin, at, keys);
        System.arraycopy(scratch, 0, keyMax, at, keys);
    }

    /** Sets a node from its children; true when that changed it. */
    private boolean combine(int node) {
        int left = 2 * node;
        int right = left + 1;
        boolean changed = set(roomCpu, node, Math.max(roomCpu[left], roomCpu[right]));
        changed |= set(roomRam, node, Math.max(roomRam[left], roomRam[right]));
        changed |= set(roomGpu, node, Math.max(roomGpu[left], roomGpu[right]));
        int at = node * keys;
        int l = left * keys;
        int r = right * keys;
        for (int k = 0; k < keys; k++) {
            changed |= set(keyMin, at + k, Math.min(keyMin[l + k], keyMin[r + k]));
            changed |= set(keyMax, at + k, Math.max(keyMax[l + k], keyMax[r + k]));
        }
        return changed;
    }

    private static boolean set(double[] values, int i, double value) {
        // Compared as bits: -0.0 and 0.0 differ, and NaN equals itself, so a change is never missed.
        if (Double.doubleToRawLongBits(values[i]) == Double.doubleToRawLongBits(value)) {
            return false;
        }
        values[i] = value;
        return true;
    }

    // ------------------------------------------------------------------ growth

    private IntList vmList(int h) {
        if (vmsOn[h] == null) {
            vmsOn[h] = new IntList(4);
        }
        return vmsOn[h];
    }

    private void ensureHosts(int n) {
        if (n <= hostType.length) {
            return;
        }
        int capacity = Math.max(n, hostType.length * 2);
        hostType = Arrays.copyOf(hostType, capacity);
        active = Arrays.copyOf(active, capacity);
        demandCpu = Arrays.copyOf(demandCpu, capacity);
        demandRam = Arrays.copyOf(demandRam, capacity);
        demandGpu = Arrays.copyOf(demandGpu, capacity);
        runningTasks = Arrays.copyOf(runningTasks, capacity);
        taskSlots = Arrays.copyOf(taskSlots, capacity);
        vmsOn = Arrays.copyOf(vmsOn, capacity);
    }

    private void ensureVms(int n) {
        if (n <= vmType.length) {
            return;
        }
        int capacity = Math.max(n, vmType.length * 2);
        vmType = Arrays.copyOf(vmType, capacity);
        vmHost = Arrays.copyOf(vmHost, capacity);
        vmUsable = Arrays.copyOf(vmUsable, capacity);
        vmTasks = Arrays.copyOf(vmTasks, capacity);
        vmTaskCpu = Arrays.copyOf(vmTaskCpu, capacity);
        vmTaskRam = Arrays.copyOf(vmTaskRam, capacity);
        vmTaskGpu = Arrays.copyOf(vmTaskGpu, capacity);
    }
}
