package io.ldist.engine.decide;

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

    PlannedVms(int viewVms) {
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
