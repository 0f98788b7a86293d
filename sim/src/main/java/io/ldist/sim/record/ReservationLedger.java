package io.ldist.sim.record;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.model.HostType;

import java.util.TreeMap;
import java.util.Map;

/**
 * Running servers counted per host type over time, for the reservations: at each instant the first
 * {@code reservedHosts} running servers of a type are covered by its reservation (paid for the whole run
 * anyway), so their on-demand price is not paid. The count changes only when a server starts or stops
 * running, so the ledger integrates per type between those changes, not per server.
 */
final class ReservationLedger {
    private final CostModel costs;
    private final Map<String, TypeCount> byType = new TreeMap<>();

    ReservationLedger(CostModel costs) {
        this.costs = costs;
    }

    void change(HostType type, double t, int delta) {
        HostTypeCosts typeCosts = costs.of(type.name());
        if (!typeCosts.reserves()) {
            return;
        }
        TypeCount count = byType.computeIfAbsent(type.name(),
                name -> new TypeCount(typeCosts.reservedHosts(), type.priceUsdPerHour()));
        count.advance(t);
        count.running += delta;
    }

    /** The on-demand price of the running time covered up to {@code t}. */
    double coveredUsd(double t) {
        double sum = 0;
        for (TypeCount count : byType.values()) {
            count.advance(t);
            sum += count.coveredUsd;
        }
        return sum;
    }

    private static final class TypeCount {
        final int reserved;
        final double priceUsdPerHour;
        int running;
        double sinceS;
        double coveredUsd;

        TypeCount(int reserved, double priceUsdPerHour) {
            this.reserved = reserved;
            this.priceUsdPerHour = priceUsdPerHour;
        }

        void advance(double t) {
            if (t > sinceS) {
                coveredUsd += Math.min(running, reserved) * priceUsdPerHour * (t - sinceS) / 3600;
                sinceS = t;
            }
        }
    }
}
