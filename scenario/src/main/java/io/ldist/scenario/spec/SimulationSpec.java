package io.ldist.scenario.spec;

import io.ldist.engine.cost.CostModel;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs besides the engine: the fleet at the start, the workload, the physics (migration,
 * health checks), the faults and the prices of what the run spends, with the seed that makes it repeatable.
 *
 * @param healthCheckIntervalS how often servers are probed (failures are detected by missed probes)
 * @param updates              rolling updates the operator asks for during the run, in time order (the engine
 *                             must then be built to take them)
 */
public record SimulationSpec(String name, long seed, double durationS, double decisionIntervalS,
                             List<HostGroup> hosts, Workload workload, MigrationModel migration,
                             double healthCheckIntervalS, Faults faults, CostModel costs,
                             List<ScheduledUpdate> updates) {
    /** A run without rolling updates. */
    public SimulationSpec(String name, long seed, double durationS, double decisionIntervalS, List<HostGroup> hosts,
                          Workload workload, MigrationModel migration, double healthCheckIntervalS, Faults faults,
                          CostModel costs) {
        this(name, seed, durationS, decisionIntervalS, hosts, workload, migration, healthCheckIntervalS, faults,
                costs, List.of());
    }

    /** A run that costs its servers' on-demand hours only. */
    public SimulationSpec(String name, long seed, double durationS, double decisionIntervalS, List<HostGroup> hosts,
                          Workload workload, MigrationModel migration, double healthCheckIntervalS, Faults faults) {
        this(name, seed, durationS, decisionIntervalS, hosts, workload, migration, healthCheckIntervalS, faults,
                CostModel.NONE);
    }

    public SimulationSpec {
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(faults, "faults");
        hosts = List.copyOf(hosts);
        updates = List.copyOf(updates);
        if (!(durationS > 0) || !(decisionIntervalS > 0) || !(healthCheckIntervalS > 0)) {
            throw new IllegalArgumentException("duration, decision interval and health check interval must be > 0");
        }
    }

    /** The same run with these rolling updates. */
    public SimulationSpec withUpdates(List<ScheduledUpdate> newUpdates) {
        return new SimulationSpec(name, seed, durationS, decisionIntervalS, hosts, workload, migration,
                healthCheckIntervalS, faults, costs, newUpdates);
    }

    public int initialHostCount() {
        return hosts.stream().mapToInt(HostGroup::count).sum();
    }
}
