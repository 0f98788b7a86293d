package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

import java.util.Arrays;

/**
 * The VMs of one decision as planned so far, as parallel arrays indexed by VM (the view's VMs, then those the plan
 * creates): where each will be, what it occupies by the fleet's sizing rule, what it and its tasks ask for, and
 * which plan action starts or moves it. {@link PlanningState} keeps them consistent with its servers' load.
 */
final class PlannedVms {
    int count;
    VmType[] type;
    int[] host;
    /** The server this plan last took the VM off (to try moving it), or -1. */
    int[] takenFrom;
    /** What the VM occupies for placement: its demand or its reservation, per the fleet's rule. */
    double[] cpu;
    double[] ram;
    double[] gpu;
    boolean[] migrating;
    boolean[] actedOn;
    int[] actionAt;
    /** What the VM asks for now, its tasks included. */
    double[] demandCpu;
    double[] demandRam;
    double[] demandGpu;
    /** What its tasks ask for. */
    double[] taskCpu;
    double[] taskRam;
    double[] taskGpu;
    int[] tasks;

    /** The view's VMs, read by {@link #load}, with room for a few the plan may create. */
    PlannedVms(ClusterView view, VmSizing sizing) {
        int viewVms = view.vmCount();
        count = viewVms;
        int capacity = viewVms + 16;
        type = new VmType[capacity];
        host = new int[capacity];
        takenFrom = new int[capacity];
        Arrays.fill(takenFrom, -1);
        cpu = new double[capacity];
        ram = new double[capacity];
        gpu = new double[capacity];
        migrating = new boolean[capacity];
        actedOn = new boolean[capacity];
        actionAt = new int[capacity];
        demandCpu = new double[capacity];
        demandRam = new double[capacity];
        demandGpu = new double[capacity];
        taskCpu = new double[capacity];
        taskRam = new double[capacity];
        taskGpu = new double[capacity];
        tasks = new int[capacity];
        for (int v = 0; v < viewVms; v++) {
            load(view, v, sizing);
        }
    }

    /**
     * Reads VM {@code v} from the view: where it is (nowhere once finished), what it occupies by {@code sizing},
     * what it and its tasks ask for.
     */
    private void load(ClusterView view, int v, VmSizing sizing) {
        VmType vmType = view.vmType(v);
        type[v] = vmType;
        VmStatus status = view.vmStatus(v);
        int on = status == VmStatus.FINISHED ? -1 : view.vmHost(v);
        host[v] = on;
        migrating[v] = status == VmStatus.MIGRATING;
        if (on < 0 || sizing == VmSizing.RESERVATION) {
            cpu[v] = vmType.totalMips();
            ram[v] = vmType.ramMb();
            gpu[v] = vmType.gpus();
        } else {
            cpu[v] = view.vmCpuDemandMips(v);
            ram[v] = view.vmRamDemandMb(v);
            gpu[v] = view.vmGpuDemand(v);
        }
        if (on < 0) {
            expectDemand(v, sizing);
            return;
        }
        demandCpu[v] = view.vmCpuDemandMips(v);
        demandRam[v] = view.vmRamDemandMb(v);
        demandGpu[v] = view.vmGpuDemand(v);
        tasks[v] = view.vmRunningTasks(v);
        if (tasks[v] > 0) {
            taskCpu[v] = view.vmCpuDemandMips(v);
            taskRam[v] = view.vmRamDemandMb(v);
            taskGpu[v] = view.vmGpuDemand(v);
        }
    }

    /**
     * A VM not yet running is expected to ask for its full reservation when its demand follows a trace (as
     * the study assumes at creation), and for nothing when its demand is the tasks it will be given.
     */
    void expectDemand(int v, VmSizing sizing) {
        boolean traceLike = sizing == VmSizing.DEMAND;
        demandCpu[v] = traceLike ? cpu[v] : 0;
        demandRam[v] = traceLike ? ram[v] : 0;
        demandGpu[v] = traceLike ? gpu[v] : 0;
    }

    /** A new VM of {@code vmType}, on no server, holding its full reservation, with no task and no demand yet. */
    int create(VmType vmType) {
        if (count == type.length) {
            grow(count * 2);
        }
        int v = count++;
        type[v] = vmType;
        host[v] = -1;
        takenFrom[v] = -1;
        migrating[v] = false;
        actedOn[v] = false;
        cpu[v] = vmType.totalMips();
        ram[v] = vmType.ramMb();
        gpu[v] = vmType.gpus();
        tasks[v] = 0;
        taskCpu[v] = 0;
        taskRam[v] = 0;
        taskGpu[v] = 0;
        return v;
    }

    /** What VM {@code v}'s type has room for beyond what its tasks ask for. */
    Resources freeForTasks(int v) {
        VmType vmType = type[v];
        return new Resources(vmType.totalMips() - taskCpu[v], vmType.gpus() - taskGpu[v],
                vmType.ramMb() - taskRam[v], Double.MAX_VALUE);
    }

    /** A task with {@code demand} the plan starts on VM {@code v}. */
    void addTask(int v, Resources demand) {
        tasks[v]++;
        taskCpu[v] += demand.cpuMips();
        taskRam[v] += demand.ramMb();
        taskGpu[v] += demand.gpus();
        demandCpu[v] += demand.cpuMips();
        demandRam[v] += demand.ramMb();
        demandGpu[v] += demand.gpus();
    }

    private void grow(int capacity) {
        type = Arrays.copyOf(type, capacity);
        host = Arrays.copyOf(host, capacity);
        takenFrom = Arrays.copyOf(takenFrom, capacity);
        cpu = Arrays.copyOf(cpu, capacity);
        ram = Arrays.copyOf(ram, capacity);
        gpu = Arrays.copyOf(gpu, capacity);
        migrating = Arrays.copyOf(migrating, capacity);
        actedOn = Arrays.copyOf(actedOn, capacity);
        actionAt = Arrays.copyOf(actionAt, capacity);
        taskCpu = Arrays.copyOf(taskCpu, capacity);
        taskRam = Arrays.copyOf(taskRam, capacity);
        taskGpu = Arrays.copyOf(taskGpu, capacity);
        tasks = Arrays.copyOf(tasks, capacity);
        demandCpu = Arrays.copyOf(demandCpu, capacity);
        demandRam = Arrays.copyOf(demandRam, capacity);
        demandGpu = Arrays.copyOf(demandGpu, capacity);
    }
}
