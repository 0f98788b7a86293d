package io.ldist.engine.pool;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;

import java.util.List;

/**
 * The pools a task-stream fleet is divided into, and the rules that keep them apart: a server runs its own
 * pool's VMs only, and a task runs in the pools whose VM can hold it. Of those, a task that needs no GPU is kept
 * off pools whose VMs have GPUs while a pool without them can hold it: GPU servers are dear, and a CPU task on one
 * takes a slot a GPU task may need. {@link #NONE} is a fleet of one pool, as every fleet was before pools.
 */
public final class FleetPools {
    /** At most this many pools: a task's pools are one bit each. */
    public static final int MAX_POOLS = 32;

    /** No pools: one fleet, any server may run any VM and any task. */
    public static final FleetPools NONE = new FleetPools(List.of());

    private final List<FleetPool> pools;

    public FleetPools(List<FleetPool> pools) {
        this.pools = List.copyOf(pools);
        if (this.pools.size() > MAX_POOLS) {
            throw new IllegalArgumentException("at most " + MAX_POOLS + " pools, got " + this.pools.size());
        }
        for (int p = 0; p < this.pools.size(); p++) {
            for (HostType type : this.pools.get(p).hostTypes()) {
                for (int q = 0; q < p; q++) {
                    if (this.pools.get(q).holds(type)) {
                        throw new IllegalArgumentException("host type " + type.name() + " is in two pools, "
                                + this.pools.get(q).name() + " and " + this.pools.get(p).name());
                    }
                }
            }
        }
    }

    public boolean isNone() {
        return pools.isEmpty();
    }

    public List<FleetPool> pools() {
        return pools;
    }

    /** How many task routes there are: one per pool, one for a fleet without pools. */
    public int routeCount() {
        return Math.max(1, pools.size());
    }

    /** The pool servers of {@code type} belong to (0 without pools), or -1 when none holds the type. */
    public int poolOf(HostType type) {
        if (pools.isEmpty()) {
            return 0;
        }
        for (int p = 0; p < pools.size(); p++) {
            if (pools.get(p).holds(type)) {
                return p;
            }
        }
        return -1;
    }

    /** The VMs servers of {@code type} run, or null when no pool holds the type. */
    public VmTemplate templateOf(HostType type) {
        int p = poolOf(type);
        return pools.isEmpty() || p < 0 ? null : pools.get(p).template();
    }

    /** Whether a server of {@code host} may hold a VM of {@code vm}: only its own pool's VMs. */
    public boolean admits(HostType host, VmType vm) {
        if (pools.isEmpty()) {
            return true;
        }
        VmTemplate template = templateOf(host);
        return template != null && template.type().name().equals(vm.name());
    }

    /** Whether a VM of {@code vm} belongs to pool {@code pool} (any VM does without pools). */
    public boolean ownsVm(int pool, VmType vm) {
        return pools.isEmpty() || pools.get(pool).template().type().name().equals(vm.name());
    }

    /**
     * The pools a task asking for {@code demand} may run in, one bit per pool (bit 0 without pools); 0 when no
     * pool's VM can hold it.
     */
    public int routesOf(Resources demand) {
        if (pools.isEmpty()) {
            return 1;
        }
        int holding = 0;
        int holdingWithoutGpus = 0;
        for (int p = 0; p < pools.size(); p++) {
            VmType vm = pools.get(p).template().type();
            if (demand.cpuMips() <= vm.totalMips() && demand.ramMb() <= vm.ramMb() && demand.gpus() <= vm.gpus()) {
                holding |= 1 << p;
                if (vm.gpus() == 0) {
                    holdingWithoutGpus |= 1 << p;
                }
            }
        }
        return demand.gpus() == 0 && holdingWithoutGpus != 0 ? holdingWithoutGpus : holding;
    }

    /** Whether pool {@code pool} runs a task asking for {@code demand} ({@link #routesOf}). */
    public boolean runs(int pool, Resources demand) {
        return (routesOf(demand) & (1 << pool)) != 0;
    }
}
