package io.ldist.engine.decide;

import io.ldist.engine.model.HostType;

/**
 * What a policy reads to rank a server for a task: the server's type and the load its VMs and tasks put on it
 * as planned so far. Read-only, so that the planning state of a whole decision and the dispatch index of the
 * per-task path can both answer it, and a policy ranks a server the same way whichever asks.
 */
public interface HostLoads {

    HostType hostType(int host);

    /** CPU capacity of the server in MIPS. */
    default double capacityMips(int host) {
        return hostType(host).totalMips();
    }

    /** MIPS the server's VMs (as planned) ask for now, including tasks the plan assigns. */
    double demandCpu(int host);

    double demandRam(int host);

    double demandGpu(int host);

    int runningTasks(int host);

    int taskSlots(int host);
}
