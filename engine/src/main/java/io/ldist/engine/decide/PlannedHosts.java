package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;

/**
 * The servers of one decision as planned so far, as parallel arrays indexed by server: each one's type and measured
 * figures from the view, its state as the plan leaves it, and whether it may receive VMs or must stay in service.
 * What the plan puts on them is kept by {@link HostLedger}.
 */
final class PlannedHosts {
    final HostType[] type;
    final HostState[] state;
    final boolean[] resumePlanned;
    /** Servers whose state lets them receive VMs (see {@link #acceptsVmsInPrinciple}). */
    final boolean[] accepts;
    /** Servers a step has closed to VMs for the rest of this plan. */
    final boolean[] closed;
    /** Servers a rolling update holds for this plan: no scale-in, emptying or idle stop may retire them. */
    final boolean[] heldForUpdate;
    final double[] measured;
    final double[] measuredPower;

    PlannedHosts(ClusterView view) {
        int hostCount = view.hostCount();
        type = new HostType[hostCount];
        state = new HostState[hostCount];
        resumePlanned = new boolean[hostCount];
        accepts = new boolean[hostCount];
        closed = new boolean[hostCount];
        heldForUpdate = new boolean[hostCount];
        measured = new double[hostCount];
        measuredPower = new double[hostCount];
        for (int h = 0; h < hostCount; h++) {
            state[h] = view.hostState(h);
            type[h] = view.hostType(h);
            measured[h] = view.hostCpuUtilization(h);
            measuredPower[h] = type[h].power().watts(measured[h]);
            accepts[h] = acceptsVmsInPrinciple(h);
        }
    }

    /** A standby server the plan puts a VM on is resumed for it. */
    void resumeForVm(int h) {
        if (state[h] == HostState.STANDBY) {
            state[h] = HostState.ACTIVE;
            resumePlanned[h] = true;
            accepts[h] = true;
        }
    }

    void setState(int h, HostState newState) {
        if (state[h] == HostState.STANDBY && newState == HostState.ACTIVE) {
            resumePlanned[h] = true; // an instant resume: it is for the VMs to come, not idle
        }
        state[h] = newState;
        accepts[h] = acceptsVmsInPrinciple(h);
    }

    /** Active servers, and standby servers that switch on instantly, may receive VMs. */
    private boolean acceptsVmsInPrinciple(int h) {
        return state[h] == HostState.ACTIVE
                || (state[h] == HostState.STANDBY && type[h].resumeTimeS() == 0);
    }
}
