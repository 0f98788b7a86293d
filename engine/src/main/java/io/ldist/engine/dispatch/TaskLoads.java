package io.ldist.engine.dispatch;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;

import java.util.Arrays;

/**
 * What task dispatch reads of each server (state, what its VMs' tasks ask for, task slots) and of each VM (its
 * tasks and the room they leave), taken from a {@link PlanningState} or read from a view with the same
 * arithmetic in the same order as the planning state, so that a policy's ranks over it are bit-identical.
 */
final class TaskLoads implements HostLoads {
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

    /** A server's VMs in index order, the order a planning state sums them in. */
    private int[] byIndex = new int[4];

    int hostCount() {
        return hostCount;
    }

    /** Takes every server and VM from the plan as it stands (a whole decision's dispatch). */
    void load(PlanningState plan) {
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
    }

    /** Takes every server and VM from the view, as a fresh planning state would read them (no plan yet). */
    void load(ClusterView view) {
        hostCount = view.hostCount();
        ensureHosts(hostCount);
        ensureVms(view.vmCount());
        for (int h = 0; h < hostCount; h++) {
            read(h, view);
        }
    }

    /**
     * Takes server {@code h} and its VMs again from the view, as a fresh planning state would read them: the
     * server's figures summed over its VMs in VM index order.
     */
    void refresh(int h, ClusterView view) {
        if (h >= hostCount) {
            throw new IllegalStateException("host-" + h + " is not in the index; load it first");
        }
        ensureVms(view.vmCount());
        read(h, view);
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

    /**
     * Records that a task with {@code demand} starts on {@code vm}, as {@link PlanningState#assignTask} does;
     * returns the VM's server.
     */
    int assign(int vm, Resources demand) {
        int h = vm < vmHost.length ? vmHost[vm] : -1;
        if (h < 0 || h >= hostCount || !vmsOn[h].contains(vm)) {
            throw new IllegalStateException("vm-" + vm + " is on no server of the index");
        }
        vmTasks[vm]++;
        vmTaskCpu[vm] += demand.cpuMips();
        vmTaskRam[vm] += demand.ramMb();
        vmTaskGpu[vm] += demand.gpus();
        runningTasks[h]++;
        demandCpu[h] += demand.cpuMips();
        demandRam[h] += demand.ramMb();
        demandGpu[h] += demand.gpus();
        return h;
    }

    /** An active server with a free task slot (the gate, a circuit breaker, is the caller's to ask). */
    boolean takesTasks(int h) {
        return h < hostCount && active[h] && runningTasks[h] < taskSlots[h];
    }

    /** On a server, the VM with a free slot and room for the task that has the most free CPU, or -1. */
    int roomiestVm(int h, Resources demand) {
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

    /**
     * The most room one VM with a free slot has on server {@code h}, per resource, into {@code room} ({CPU, RAM,
     * GPU}); false (room untouched) when no VM has a free slot.
     */
    boolean mostRoom(int h, double[] room) {
        boolean any = false;
        double cpu = Double.NEGATIVE_INFINITY;
        double ram = Double.NEGATIVE_INFINITY;
        double gpu = Double.NEGATIVE_INFINITY;
        IntList vms = vmsOn[h];
        for (int i = 0; i < vms.size(); i++) {
            int vm = vms.get(i);
            if (hasSlot(vm)) {
                VmType type = vmType[vm];
                cpu = Math.max(cpu, type.totalMips() - vmTaskCpu[vm]);
                ram = Math.max(ram, type.ramMb() - vmTaskRam[vm]);
                gpu = Math.max(gpu, type.gpus() - vmTaskGpu[vm]);
                any = true;
            }
        }
        if (any) {
            room[0] = cpu;
            room[1] = ram;
            room[2] = gpu;
        }
        return any;
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
