package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sized fleet: the servers to buy, each with its VMs, and the VMs no server of the catalogue can hold.
 * Servers are listed in a canonical order (type, then first VM) so that equal fleets print alike.
 */
public record FleetPlan(String solver, List<PlannedServer> servers, List<Integer> unplaced) {
    public FleetPlan {
        List<PlannedServer> sorted = new ArrayList<>(servers);
        sorted.removeIf(s -> s.vms().length == 0);
        sorted.sort(Comparator.comparingInt(PlannedServer::type).thenComparingInt(s -> s.vms()[0]));
        servers = List.copyOf(sorted);
        unplaced = unplaced.stream().sorted().toList();
    }

    public double costPerHour(SizingProblem problem) {
        return servers.stream().mapToDouble(s -> problem.price(s.type())).sum();
    }

    /** Servers per type name, in catalogue order, types not bought left out. */
    public Map<String, Integer> serversByType(SizingProblem problem) {
        int[] counts = new int[problem.typeCount()];
        servers.forEach(s -> counts[s.type()]++);
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0) {
                byType.put(problem.types().get(t).name(), counts[t]);
            }
        }
        return byType;
    }

    /** True when this plan leaves fewer VMs out, or as many at a lower cost per hour. */
    public boolean betterThan(FleetPlan other, SizingProblem problem) {
        if (unplaced.size() != other.unplaced.size()) {
            return unplaced.size() < other.unplaced.size();
        }
        return costPerHour(problem) < other.costPerHour(problem) - 1e-9;
    }

    /** The same fleet found by another solver (a solver that kept its seed). */
    FleetPlan by(String otherSolver) {
        return new FleetPlan(otherSolver, servers, unplaced);
    }
}
