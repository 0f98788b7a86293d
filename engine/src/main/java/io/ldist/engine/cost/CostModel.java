package io.ldist.engine.cost;

import io.ldist.engine.model.HostType;

import java.util.Map;
import java.util.TreeMap;

/**
 * The prices a run's cost is made of, beyond each host type's on-demand price (which the host type holds):
 * per host type its licence, standby storage and reservation; the energy price; what a migration costs (the
 * data moved, and a penalty per second that the VM runs degraded while it moves); and the SLA penalties (per
 * host-hour that an overloaded server gives its VMs less than they ask, per late task, per dropped task).
 * Every price defaults to 0, so that a scenario without prices costs its instance hours only.
 */
public record CostModel(Map<String, HostTypeCosts> hostTypes, double energyUsdPerKWh, double migrationUsdPerGB,
                        double migrationUsdPerDegradedS, double overloadUsdPerHostHour, double lateTaskUsd,
                        double droppedTaskUsd) {
    public static final CostModel NONE = new CostModel(Map.of(), 0, 0, 0, 0, 0, 0);

    public CostModel {
        hostTypes = Map.copyOf(new TreeMap<>(hostTypes));
        requireAmount("energyUsdPerKWh", energyUsdPerKWh);
        requireAmount("migrationUsdPerGB", migrationUsdPerGB);
        requireAmount("migrationUsdPerDegradedS", migrationUsdPerDegradedS);
        requireAmount("overloadUsdPerHostHour", overloadUsdPerHostHour);
        requireAmount("lateTaskUsd", lateTaskUsd);
        requireAmount("droppedTaskUsd", droppedTaskUsd);
    }

    static void requireAmount(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite amount >= 0, was " + value);
        }
    }

    public HostTypeCosts of(String hostType) {
        return hostTypes.getOrDefault(hostType, HostTypeCosts.NONE);
    }

    /** Whether some host type has a reservation, which needs the running hosts counted per type. */
    public boolean reserves() {
        return hostTypes.values().stream().anyMatch(HostTypeCosts::reserves);
    }

    /** The reservations' price over a run of {@code durationS}: paid whether the hosts run or not. */
    public double reservedUsd(double durationS) {
        double perHour = 0;
        for (HostTypeCosts costs : new TreeMap<>(hostTypes).values()) {
            perHour += costs.reservedHosts() * costs.reservedUsdPerHour();
        }
        return perHour * durationS / 3600;
    }

    public double energyUsd(double energyKWh) {
        return energyKWh * energyUsdPerKWh;
    }

    /** One migration: its memory copied over the network, and the time the VM runs degraded meanwhile. */
    public double migrationUsd(double ramMb, double durationS) {
        return ramMb / 1024 * migrationUsdPerGB + durationS * migrationUsdPerDegradedS;
    }

    /**
     * What one more hour of a running server of this type costs: its on-demand price and its licence. A
     * reservation does not lower it: reserved hours are paid whether used or not, and which running server a
     * reservation covers is the ledger's choice, not the server's.
     */
    public double runningUsdPerHour(HostType type) {
        return type.priceUsdPerHour() + of(type.name()).licenceUsdPerHour();
    }

    /** Energy's price per watt drawn for an hour. */
    public double usdPerWattHour() {
        return energyUsdPerKWh / 1000;
    }

    public double slaUsd(double overloadedHostS, long lateTasks, long droppedTasks) {
        return overloadedHostS / 3600 * overloadUsdPerHostHour + lateTasks * lateTaskUsd
                + droppedTasks * droppedTaskUsd;
    }
}
