package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.List;

/** Moves each server of a fleet to the cheapest type of the catalogue that still holds its VMs, within stock. */
final class CheapestType {
    private CheapestType() {
    }

    /**
     * @param groups the VMs of each server
     * @param types  each server's current type, kept when no cheaper type holds its VMs
     */
    static List<PlannedServer> resize(SizingProblem problem, List<int[]> groups, int[] types) {
        int[] bought = new int[problem.typeCount()];
        for (int type : types) {
            bought[type]++;
        }
        List<PlannedServer> servers = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            int[] vms = groups.get(i);
            int current = types[i];
            int cheapest = current;
            for (int t = 0; t < problem.typeCount(); t++) {
                if (problem.price(t) < problem.price(cheapest) - 1e-12 && bought[t] < problem.stock(t)
                        && holds(problem, t, vms)) {
                    cheapest = t;
                }
            }
            bought[current]--;
            bought[cheapest]++;
            servers.add(new PlannedServer(cheapest, vms));
        }
        return servers;
    }

    private static boolean holds(SizingProblem problem, int t, int[] vms) {
        for (int v : vms) {
            if (!problem.fits(v, t)) {
                return false;
            }
        }
        for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
            long used = 0;
            for (int v : vms) {
                used += problem.demand(v, d);
            }
            if (used > problem.capacity(t, d)) {
                return false;
            }
        }
        return true;
    }
}
