package io.ldist.engine.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's cost by what it paid for, in USD: running hosts at the on-demand price (those no reservation
 * covers), reservations, hypervisor licences, the stopped hosts of the warm pool, energy, migrations and SLA
 * penalties. {@link #totalUsd()} is their sum, the run's {@code costUsd}.
 */
public record CostBreakdown(double onDemandUsd, double reservedUsd, double licencesUsd, double standbyUsd,
                            double energyUsd, double migrationsUsd, double slaUsd) {

    /** The sum, in this order: a run without other prices costs exactly its on-demand hours. */
    public double totalUsd() {
        return onDemandUsd + reservedUsd + licencesUsd + standbyUsd + energyUsd + migrationsUsd + slaUsd;
    }

    /** The parts under their metric names, in the order reports stack them. */
    public Map<String, Double> parts() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("costOnDemandUsd", onDemandUsd);
        parts.put("costReservedUsd", reservedUsd);
        parts.put("costLicencesUsd", licencesUsd);
        parts.put("costStandbyUsd", standbyUsd);
        parts.put("costEnergyUsd", energyUsd);
        parts.put("costMigrationsUsd", migrationsUsd);
        parts.put("costSlaUsd", slaUsd);
        return parts;
    }
}
