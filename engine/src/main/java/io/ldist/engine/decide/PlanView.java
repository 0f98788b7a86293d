package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmType;
import io.ldist.engine.util.IntList;

import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The fleet as a decision has planned it so far, read-only: what policies (placement, overload detection, VM
 * selection, underload, scoring) are given, so that none of them can place, remove or change a server; only the
 * engine's steps hold the {@link PlanningState} that changes it.
 */
public interface PlanView extends HostLoads {
    ClusterView view();

    FleetRules rules();

    /** What called for this decision. */
    Trigger trigger();

    double nowS();

    int hostCount();

    /** State the server will be in once the plan so far is applied. */
    HostState hostState(int h);

    /** True when the plan so far switches this standby server on. */
    boolean resumePlanned(int h);

    /** CPU utilisation measured at the observation (before the plan). */
    double measuredUtilization(int h);

    /** Power the server drew at its measured utilisation. */
    double measuredPowerW(int h);

    /** MIPS occupied by the VMs the server will hold (by the fleet's sizing rule). */
    double usedCpu(int h);

    double usedRam(int h);

    double usedGpu(int h);

    /** VMs the server will hold, counting those migrating in. */
    int placedVmCount(int h);

    /** Number of VMs in the server's list (those it runs or sends away, not those still arriving). */
    int vmCountOn(int h);

    int vmOn(int h, int i);

    int vmCount();

    /** VMs on the server (as planned) that may be moved: those not already migrating. */
    IntList movableVms(int h);

    VmType vmType(int v);

    /** Server the VM will be on once the plan so far is applied, or -1. */
    int vmHost(int v);

    boolean vmMigrating(int v);

    /** MIPS the VM occupies for placement purposes (its demand or its reservation, per the fleet's rule). */
    double vmCpu(int v);

    double vmRam(int v);

    double vmGpu(int v);

    /** MIPS the VM asks for now (0 for a VM not yet running), including tasks the plan assigns to it. */
    double vmDemandCpu(int v);

    int vmTasks(int v);

    /** MIPS the tasks on the VM ask for, including those the plan assigns. */
    double vmTaskCpu(int v);

    double vmTaskRam(int v);

    double vmTaskGpu(int v);

    /** Resources left in the VM for more tasks. */
    Resources vmFreeForTasks(int v);

    /** True for a VM the view knows (false for one this plan creates). */
    boolean isExistingVm(int v);

    /** The server this plan last took VM {@code v} off (to try moving it), or -1 when it took it off none. */
    int takenFrom(int v);

    /** True for a VM that runs now (per the view) and that the plan leaves where it is. */
    boolean isRunningVm(int v);

    /**
     * Whether VM {@code v} may go to server {@code h} under the fleet's rules: the server accepts VMs and is not
     * giving up VMs in this plan, the VM limit, one VM core never faster than a server core, and CPU, RAM and GPU
     * capacity, and the hard affinity rules of the VM (see {@code AffinityCheck}).
     */
    boolean fits(int h, int v);

    /** Whether VM {@code v} belongs to a soft affinity rule, so that its host ranking carries a penalty. */
    default boolean hasSoftAffinity(int v) {
        return false;
    }

    /**
     * How much placing VM {@code v} on server {@code h} breaks its soft affinity rules: per rule its weight times
     * the share of the other members it would be wrongly placed with or without; 0 without soft rules.
     */
    default double softAffinityPenalty(int h, int v) {
        return 0;
    }

    /**
     * Calls {@code action} for every server a VM could be placed on that passes {@code filter}: each occupied
     * server, and the lowest-numbered server of each class of interchangeable empty ones.
     */
    void forEachCandidate(IntPredicate filter, IntConsumer action);

    /** Calls {@code action} for every server passing {@code filter} that holds, or will hold, a VM. */
    void forEachOccupied(IntPredicate filter, IntConsumer action);

    /** Calls {@code action} for the lowest-numbered server passing {@code filter} of each class of empty ones. */
    void forEachEmptyRepresentative(IntPredicate filter, IntConsumer action);

    /** Occupied servers that accept VMs, grouped by type and utilisation, for pruned power-aware searches. */
    UtilizationGroups utilizationGroups();

    boolean closedToVms(int h);
}
