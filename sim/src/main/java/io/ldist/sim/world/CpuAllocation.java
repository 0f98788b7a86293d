package io.ldist.sim.world;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.util.IntList;
import io.ldist.scenario.spec.MigrationModel;

/**
 * The CPU allocation model that turns the VMs' demands on a server into what each VM actually gets:
 * <ul>
 *   <li>one VM core never gets more than one server core's MIPS;</li>
 *   <li>a VM migrating in takes {@code targetShare} of its demand on the target; a VM migrating out is served
 *       {@code 1 - cpuLoss} of it on the source, the rest being the migration's overhead;</li>
 *   <li>when a server's VMs ask for more than it has, every VM is scaled down in proportion.</li>
 * </ul>
 */
final class CpuAllocation {
    private final MigrationModel migration;
    private final FleetHosts hosts;
    private final FleetVms vms;

    CpuAllocation(MigrationModel migration, FleetHosts hosts, FleetVms vms) {
        this.migration = migration;
        this.hosts = hosts;
        this.vms = vms;
    }

    /** Shares server {@code h}'s CPU among its VMs: fills its allocated and requested MIPS and its VMs' given MIPS. */
    void allocate(int h) {
        if (hosts.vmsOn[h] == 0 && hosts.arrivingOn[h] == 0) {
            hosts.allocatedMips[h] = 0;
            hosts.requestedMips[h] = 0;
            return;
        }
        IntList on = hosts.vms[h];
        IntList arriving = hosts.incoming[h];
        double[] demandMips = vms.demandMips;
        double[] givenMips = vms.givenMips;
        if (hosts.crashed[h] || !hosts.state[h].isRunning()) {
            // A crashed server serves nothing; its VMs ask in vain.
            double requested = 0;
            for (int i = 0; i < on.size(); i++) {
                int v = on.get(i);
                givenMips[v] = 0;
                requested += demandMips[v];
            }
            hosts.allocatedMips[h] = 0;
            hosts.requestedMips[h] = requested;
            return;
        }
        HostType type = hosts.type[h];
        double coreMips = type.mipsPerCore();
        double requested = 0;
        double wanted = 0;
        for (int i = 0; i < on.size(); i++) {
            int v = on.get(i);
            requested += demandMips[v];
            wanted += capped(v, coreMips);
        }
        double reservedForArrivals = 0;
        for (int i = 0; i < arriving.size(); i++) {
            int v = arriving.get(i);
            requested += demandMips[v];
            reservedForArrivals += capped(v, coreMips) * migration.targetShare();
        }
        double total = type.totalMips();
        double scale = wanted + reservedForArrivals > total ? total / (wanted + reservedForArrivals) : 1;
        double allocated = 0;
        for (int i = 0; i < on.size(); i++) {
            int v = on.get(i);
            double share = capped(v, coreMips) * scale;
            allocated += share;
            givenMips[v] = vms.status[v] == VmStatus.MIGRATING ? share * (1 - migration.cpuLoss()) : share;
        }
        hosts.allocatedMips[h] = allocated + reservedForArrivals * scale;
        hosts.requestedMips[h] = requested;
    }

    /** What VM {@code v} asks for with no core of it above {@code coreMips}. */
    private double capped(int v, double coreMips) {
        int cores = vms.type[v].cores();
        return Math.min(vms.demandMips[v] / cores, coreMips) * cores;
    }
}
