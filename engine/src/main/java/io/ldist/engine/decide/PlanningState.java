package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

/**
 * The engine's scratch copy of the fleet for one decision: it starts as the {@link ClusterView} and records
 * the moves that the plan being built would make, so that each later choice sees the earlier ones. The view
 * itself is never changed (no "temporary VMs" on real servers, unlike CloudSim).
 *
 * Policies read it as a {@link PlanView} (see {@link PlanReadings}); this class makes the changes, keeping the
 * servers, their load, their VM lists, the VMs and the candidate servers consistent with one another.
 */
public final class PlanningState extends PlanReadings {
    private final PlannedDisruption disruption;

    public PlanningState(ClusterView view, FleetRules rules, Trigger trigger) {
        this(view, rules, trigger, new UtilizationGroups.BoundCache());
    }

    /** @param boundCache group bounds remembered across decisions (see {@link UtilizationGroups.BoundCache}) */
    public PlanningState(ClusterView view, FleetRules rules, Trigger trigger, UtilizationGroups.BoundCache boundCache) {
        super(view, rules, trigger, boundCache);
        this.disruption = new PlannedDisruption(view, rules);
    }

    /** Puts VM {@code v} (pending, new, or just removed from its server) on server {@code h}. */
    public void place(int v, int h) {
        if (vms.host[v] >= 0) {
            throw new IllegalStateException("vm-" + v + " is still on host-" + vms.host[v] + "; remove it first");
        }
        hosts.resumeForVm(h);
        vms.host[v] = h;
        vmLists.changing(h).add(v);
        ledger.add(h, vms, v, +1);
        if (heldInView(h, v)) {
            ledger.countOwnVmAway(h, -1); // a tentative removal undone
        }
        candidates.occupy(h);
        candidates.regroup(h);
    }

    /** Takes VM {@code v} off its planned server (to move it, or because its server failed). */
    public void remove(int v) {
        int h = vms.host[v];
        if (h < 0) {
            throw new IllegalStateException("vm-" + v + " is on no host");
        }
        ledger.add(h, vms, v, -1);
        vmLists.changing(h).removeValue(v);
        vms.host[v] = -1;
        vms.takenFrom[v] = h;
        if (heldInView(h, v)) {
            ledger.countOwnVmAway(h, +1);
        }
        candidates.regroup(h);
    }

    /** Whether server {@code h} holds VM {@code v} in the view. */
    private boolean heldInView(int h, int v) {
        return isExistingVm(v) && view.vmHost(v) == h && view.vmStatus(v) != VmStatus.FINISHED;
    }

    /** Creates a new VM of the given type in the plan and returns its index (not yet on any server). */
    public int createVm(VmType type) {
        int v = vms.create(type);
        vms.expectDemand(v, rules.sizing());
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
        vms.addTask(v, demand);
        int h = vms.host[v];
        if (h >= 0) {
            ledger.addTask(h, demand);
        }
    }

    /** Closes server {@code h} to VMs for the rest of this plan (it is overloaded, or being emptied). */
    public void closeToVms(int h) {
        hosts.closed[h] = true;
        candidates.regroup(h);
    }

    /** Opens a server closed by {@link #closeToVms} again (a step that closed it only for one of its phases). */
    public void reopenToVms(int h) {
        hosts.closed[h] = false;
        candidates.regroup(h);
    }

    /**
     * Whether the plan may disrupt server {@code h} (drain it, or migrate a VM off it for a reason
     * other than failover) within the fleet's disruption budget: always when it is disrupted already.
     */
    public boolean mayDisrupt(int h) {
        return disruption.mayDisrupt(h);
    }

    /**
     * Keeps server {@code h} in service for the rest of this plan: a rolling update relies on it (capacity added
     * for the update, or a server still to update), so steps that retire servers leave it alone.
     */
    public void holdForUpdate(int h) {
        hosts.heldForUpdate[h] = true;
    }

    /** Whether a rolling update holds server {@code h} in service (see {@link #holdForUpdate}). */
    public boolean heldForUpdate(int h) {
        return hosts.heldForUpdate[h];
    }

    /** Counts server {@code h} as disrupted by the plan (see {@link #mayDisrupt}). */
    void disrupt(int h) {
        disruption.disrupt(h);
    }

    /** Records a change of server state made by the plan (drain, fence, stop, terminate). */
    public void setHostState(int h, HostState newState) {
        if (newState == HostState.DRAINING) {
            disrupt(h);
        }
        hosts.setState(h, newState);
        candidates.regroup(h);
    }
}
