package io.ldist.engine.model;

/**
 * Everything the engine may read about the fleet at one decision: servers, their VMs, recent utilisation,
 * and pending work. Read-only; a driver (the simulator or the live adapter) implements it over its own state.
 *
 * <p>Access is by dense index rather than through per-server objects so that a decision over tens of
 * thousands of servers allocates nothing per server. Indexes are stable: host {@code h} is {@code HostId(h)},
 * VM {@code v} is {@code VmId(v)}. The engine must not keep a view beyond the decision it was given for.
 */
public interface ClusterView {

    /** Past utilisation samples a driver keeps per VM; history-based policies read at most this many. */
    int HISTORY_SAMPLES = 30;

    /** Time of this observation, in seconds since the start of the run (driver time, never the wall clock). */
    double nowS();

    // ---- servers

    /** Number of server indexes in use (including terminated ones, whose state is TERMINATED). */
    int hostCount();

    HostType hostType(int host);

    HostState hostState(int host);

    /** Consecutive health checks the server has failed to answer (0 when healthy). */
    int missedHealthChecks(int host);

    /** Measured CPU utilisation at this observation: MIPS actually given to its VMs over capacity, in [0, 1]. */
    double hostCpuUtilization(int host);

    /** VMs placed on the server (running or migrating away), in the order they arrived on it. */
    int hostVmCount(int host);

    /** The {@code i}-th VM on the server, {@code 0 <= i < hostVmCount(host)}. */
    int hostVm(int host, int i);

    /** VMs on their way to the server by migration (they hold room there until they arrive). */
    default int hostIncomingVmCount(int host) {
        int incoming = 0;
        for (int v = 0; v < vmCount(); v++) {
            if (vmMigrationTarget(v) == host) {
                incoming++;
            }
        }
        return incoming;
    }

    /** Tasks that finished successfully on the server since the start of the run. */
    long hostTaskSuccesses(int host);

    /** Tasks that failed on the server (errors, not failovers) since the start of the run. */
    long hostTaskFailures(int host);

    // ---- virtual machines

    /** Number of VM indexes in use (including finished ones). */
    int vmCount();

    VmType vmType(int vm);

    VmStatus vmStatus(int vm);

    /** True while a pending VM waits for a server because its own failed (false once it runs again). */
    boolean vmDisplaced(int vm);

    /** Server the VM runs on (the source while it migrates), or -1 when it has none. */
    int vmHost(int vm);

    /** Destination server of a migration under way, or -1. */
    int vmMigrationTarget(int vm);

    /** CPU the VM asks for now, in MIPS. */
    double vmCpuDemandMips(int vm);

    /** RAM the VM uses now, in MiB (for trace replay this depends on the scenario's RAM model). */
    double vmRamDemandMb(int vm);

    /** GPUs the VM uses now. */
    double vmGpuDemand(int vm);

    /** Tasks running on the VM now. */
    int vmRunningTasks(int vm);

    /** Number of past CPU utilisation samples kept for the VM (one per decision interval, newest first). */
    int vmHistoryLength(int vm);

    /** CPU utilisation of the VM (fraction of its own MIPS) {@code age} decision intervals ago; age 0 is newest. */
    double vmHistory(int vm, int age);

    // ---- pending work

    /** Tasks waiting for a VM, oldest first. */
    int queuedTaskCount();

    TaskRequest queuedTask(int i);
}
