package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.List;

/** What a sized fleet breaks, if anything: every solver's answer is checked with it before it is shown. */
public final class FleetPlanCheck {
    private FleetPlanCheck() {
    }

    /** The broken rules, one sentence each; empty when the plan is sound. */
    public static List<String> violations(SizingProblem problem, FleetPlan plan) {
        List<String> problems = new ArrayList<>();
        int[] seen = new int[problem.vmCount()];
        int[] bought = new int[problem.typeCount()];
        for (PlannedServer server : plan.servers()) {
            int t = server.type();
            bought[t]++;
            String name = problem.types().get(t).name();
            if (server.vms().length > problem.maxVmsPerHost()) {
                problems.add("a " + name + " holds " + server.vms().length + " VMs, more than "
                        + problem.maxVmsPerHost());
            }
            long[] used = new long[SizingProblem.DIMENSIONS];
            for (int v : server.vms()) {
                seen[v]++;
                if (!problem.fits(v, t)) {
                    problems.add("VM " + problem.vms().get(v).name() + " cannot run on a " + name);
                }
                for (int d = 0; d < used.length; d++) {
                    used[d] += problem.demand(v, d);
                }
            }
            for (int d = 0; d < used.length; d++) {
                if (used[d] > problem.capacity(t, d)) {
                    problems.add("a " + name + " is over its " + SizingProblem.DIMENSION_NAMES[d] + " ("
                            + used[d] + " > " + problem.capacity(t, d) + ")");
                }
            }
        }
        for (int v : plan.unplaced()) {
            seen[v]++;
            if (problem.fitMask(v) != 0 && !anyStockLimited(problem)) {
                problems.add("VM " + problem.vms().get(v).name() + " is left out though a server type holds it");
            }
        }
        for (int v = 0; v < seen.length; v++) {
            if (seen[v] != 1) {
                problems.add("VM " + problem.vms().get(v).name() + " appears " + seen[v] + " times");
            }
        }
        for (int t = 0; t < bought.length; t++) {
            if (bought[t] > problem.stock(t)) {
                problems.add(bought[t] + " servers of " + problem.types().get(t).name() + " bought, "
                        + problem.stock(t) + " in stock");
            }
        }
        return problems;
    }

    private static boolean anyStockLimited(SizingProblem problem) {
        for (int t = 0; t < problem.typeCount(); t++) {
            if (problem.limitedStock(t)) {
                return true;
            }
        }
        return false;
    }
}
