package io.ldist.sim.world;

import io.ldist.engine.model.VmStatus;

/**
 * Where the simulated VMs run and how they move: placed on a server, migrating to another, back to waiting when
 * their server fails, gone when finished. Every move keeps the servers' lists and the VMs' status consistent and
 * marks the allocation out of date.
 */
final class VmPlacements {
    private final FleetHosts hosts;
    private final FleetVms vms;
    private final AllocationChanges changes;

    VmPlacements(FleetHosts hosts, FleetVms vms, AllocationChanges changes) {
        this.hosts = hosts;
        this.vms = vms;
        this.changes = changes;
    }

    void place(int v, int h) {
        changes.markAll();
        if (vms.status[v] == VmStatus.PENDING) {
            vms.pending--;
        }
        vms.host[v] = h;
        vms.status[v] = VmStatus.RUNNING;
        vms.displaced.clear(v);
        hosts.addVm(h, v);
    }

    void startMigration(int v, int target, double endS) {
        changes.markAll();
        vms.target[v] = target;
        vms.status[v] = VmStatus.MIGRATING;
        vms.migrationEndS[v] = endS;
        hosts.addArriving(target, v);
    }

    /** The VM arrives on its target and leaves its source. */
    void completeMigration(int v) {
        changes.markAll();
        int target = vms.target[v];
        hosts.removeVm(vms.host[v], v);
        hosts.removeArriving(target, v);
        vms.target[v] = -1;
        vms.status[v] = VmStatus.RUNNING;
        vms.host[v] = target;
        hosts.addVm(target, v);
    }

    /** A migration that cannot finish (its target failed): the VM stays on its source. */
    void cancelMigration(int v) {
        changes.markAll();
        hosts.removeArriving(vms.target[v], v);
        vms.target[v] = -1;
        vms.status[v] = VmStatus.RUNNING;
    }

    /** Takes the VM off its server, back to waiting (its server failed). */
    void detach(int v) {
        changes.markAll();
        if (vms.target[v] >= 0) {
            cancelMigration(v);
        }
        hosts.removeVm(vms.host[v], v);
        vms.host[v] = -1;
        vms.status[v] = VmStatus.PENDING;
        vms.displaced.set(v);
        vms.pending++;
        vms.clearDemand(v);
    }

    /** The VM is gone for good. */
    void finish(int v) {
        changes.markAll();
        if (vms.status[v] == VmStatus.PENDING) {
            vms.pending--;
        }
        if (vms.host[v] >= 0) {
            if (vms.target[v] >= 0) {
                cancelMigration(v);
            }
            hosts.removeVm(vms.host[v], v);
        }
        vms.host[v] = -1;
        vms.status[v] = VmStatus.FINISHED;
        vms.displaced.clear(v);
        vms.clearDemand(v);
    }
}
