package io.ldist.live.state;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;

import java.util.List;

/**
 * Where each VM runs and how it moves: placed, migrating, displaced (waiting to be placed again), finished. A
 * server's VM list and each VM's server change together here only, so the two never disagree; a server that fails
 * is fenced here too, since fencing is mostly what it does to the VMs on it and on their way to it.
 *
 * <p>Not thread-safe, like the fleet it belongs to.
 */
public final class VmPlacements {
    private final LiveFleet fleet;

    VmPlacements(LiveFleet fleet) {
        this.fleet = fleet;
    }

    /** The VM runs on the server now (placed, or found there). */
    public void place(int vm, int host) {
        LiveVm v = leaveHost(vm);
        v.status = VmStatus.RUNNING;
        v.displaced = false;
        v.host = host;
        fleet.host(host).vms.add(vm);
    }

    public void startMigration(int vm, int to) {
        LiveVm v = fleet.vm(vm);
        v.migrationTarget = to;
        v.status = VmStatus.MIGRATING;
    }

    public void completeMigration(int vm) {
        place(vm, fleet.vm(vm).migrationTarget);
    }

    public void cancelMigration(int vm) {
        LiveVm v = fleet.vm(vm);
        v.migrationTarget = -1;
        v.status = VmStatus.RUNNING;
    }

    /** The VM lost its server with the tasks it ran: they go back to the front of the queue. Returns how many. */
    public int displaceRequeueing(int vm) {
        List<LiveTask> running = fleet.tasks().runningOn(vm);
        for (int i = running.size() - 1; i >= 0; i--) {
            fleet.tasks().requeue(running.get(i).id()); // each goes to the front: the oldest last, so it ends up first
        }
        LiveVm v = leaveHost(vm);
        v.status = VmStatus.PENDING;
        v.displaced = true;
        return running.size();
    }

    /**
     * The server is declared failed: its VMs wait to be placed again, their tasks are queued again, and VMs on
     * their way to it go back to where they came from. Returns how many tasks were queued again.
     */
    public int fence(int host) {
        fleet.setHostState(host, HostState.FAILED);
        LiveHost fenced = fleet.host(host);
        int requeued = 0;
        while (fenced.vms.size() > 0) {
            requeued += displaceRequeueing(fenced.vms.get(0));
        }
        for (LiveVm vm : fleet.vms()) {
            if (vm.migrationTarget == host) {
                cancelMigration(vm.index);
            }
        }
        return requeued;
    }

    /** The VM was removed for good (its server drained away). */
    public void finish(int vm) {
        leaveHost(vm).status = VmStatus.FINISHED;
    }

    /** Takes the VM off its server's list, if it is on one, and clears where it runs and where it was going. */
    private LiveVm leaveHost(int vm) {
        LiveVm v = fleet.vm(vm);
        if (v.host >= 0) {
            fleet.host(v.host).vms.removeValue(vm);
        }
        v.host = -1;
        v.migrationTarget = -1;
        return v;
    }
}
