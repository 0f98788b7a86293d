package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;

/**
 * What the plan puts on each server: the room its VMs occupy, what they and their tasks ask for, and its counts of
 * running tasks, task slots and VMs. {@link PlanningState} keeps it consistent with where {@link PlannedVms} puts
 * each VM.
 *
 * The figures are kept server by server in one array (LOAD values from h * LOAD) and the counts likewise (COUNTS
 * from h * COUNTS): a placement search reads all of a server's figures at once, and over a large fleet one cache
 * line per server instead of one per figure is what keeps it fast.
 */
final class HostLedger {
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

    /** The view's load: what {@code vms}, as read from the view, put on their servers and migration targets. */
    HostLedger(ClusterView view, PlannedVms vms) {
        load = new double[view.hostCount() * LOAD];
        counts = new int[view.hostCount() * COUNTS];
        for (int v = 0; v < view.vmCount(); v++) {
            int host = vms.host[v];
            if (host < 0) {
                continue;
            }
            add(host, vms, v, +1);
            int target = vms.migrating[v] ? view.vmMigrationTarget(v) : -1;
            if (target >= 0) {
                holdForIncoming(target, vms, v);
            }
        }
    }

    /** Adds VM {@code v}'s figures to server {@code h} ({@code sign} +1), or takes them off it (-1). */
    void add(int h, PlannedVms vms, int v, int sign) {
        int l = h * LOAD;
        load[l + USED_CPU] += sign * vms.cpu[v];
        load[l + USED_RAM] += sign * vms.ram[v];
        load[l + USED_GPU] += sign * vms.gpu[v];
        load[l + DEMAND_CPU] += sign * vms.demandCpu[v];
        load[l + DEMAND_RAM] += sign * vms.demandRam[v];
        load[l + DEMAND_GPU] += sign * vms.demandGpu[v];
        int c = h * COUNTS;
        counts[c + RUNNING_TASKS] += sign * vms.tasks[v];
        counts[c + TASK_SLOTS] += sign * vms.type[v].taskSlots();
        counts[c + PLACED_VMS] += sign;
    }

    /** An incoming VM already holds room on its migration's target until the migration completes. */
    void holdForIncoming(int target, PlannedVms vms, int v) {
        int l = target * LOAD;
        load[l + USED_CPU] += vms.cpu[v];
        load[l + USED_RAM] += vms.ram[v];
        load[l + USED_GPU] += vms.gpu[v];
        counts[target * COUNTS + PLACED_VMS]++;
    }

    /** A task the plan starts on a VM of server {@code h}. */
    void addTask(int h, Resources demand) {
        counts[h * COUNTS + RUNNING_TASKS]++;
        int l = h * LOAD;
        load[l + DEMAND_CPU] += demand.cpuMips();
        load[l + DEMAND_RAM] += demand.ramMb();
        load[l + DEMAND_GPU] += demand.gpus();
    }

    /** One more ({@code delta} +1) or one fewer (-1) of server {@code h}'s VMs in the view is off it in the plan. */
    void countOwnVmAway(int h, int delta) {
        counts[h * COUNTS + OWN_VMS_AWAY] += delta;
    }

    boolean ownVmsAway(int h) {
        return counts[h * COUNTS + OWN_VMS_AWAY] > 0;
    }

    /** Whether VM {@code v} fits in what server {@code h} of type {@code type} has left of its capacity. */
    boolean hasRoom(int h, HostType type, PlannedVms vms, int v) {
        int l = h * LOAD;
        return load[l + USED_CPU] + vms.cpu[v] <= type.totalMips()
                && load[l + USED_RAM] + vms.ram[v] <= type.ramMb()
                && load[l + USED_GPU] + vms.gpu[v] <= type.gpus();
    }

    double usedCpu(int h) {
        return load[h * LOAD + USED_CPU];
    }

    double usedRam(int h) {
        return load[h * LOAD + USED_RAM];
    }

    double usedGpu(int h) {
        return load[h * LOAD + USED_GPU];
    }

    double demandCpu(int h) {
        return load[h * LOAD + DEMAND_CPU];
    }

    double demandRam(int h) {
        return load[h * LOAD + DEMAND_RAM];
    }

    double demandGpu(int h) {
        return load[h * LOAD + DEMAND_GPU];
    }

    int runningTasks(int h) {
        return counts[h * COUNTS + RUNNING_TASKS];
    }

    int taskSlots(int h) {
        return counts[h * COUNTS + TASK_SLOTS];
    }

    int placedVms(int h) {
        return counts[h * COUNTS + PLACED_VMS];
    }
}
