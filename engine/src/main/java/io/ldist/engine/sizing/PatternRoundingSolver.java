package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan read off the configuration LP ({@link ConfigurationBound}) by residual rounding: each pattern bought as
 * many whole times as the LP buys it, its slots filled with real VMs of its classes (largest first; a VM that
 * does not fit with its server's others is left over, since classes round demand down); then the LP solved
 * again for the VMs left over (when it buys no pattern whole, one copy of the pattern it buys most of), up to
 * {@value #MAX_ROUNDS} LPs; the VMs still left first-fit into the servers with room, else onto a new server of
 * the cheapest type that holds them; at the end every server moved to the cheapest type that still holds its
 * VMs. Deterministic; one of jsprit's starts. Where the LP cannot be solved it falls back to first-fit
 * decreasing.
 */
final class PatternRoundingSolver implements FleetSolver {
    /** LPs solved at most: the first over all VMs, then over the VMs the patterns bought whole left over. */
    private static final int MAX_ROUNDS = 100;

    @Override
    public String name() {
        return "lp";
    }

    @Override
    public FleetPlan solve(SizingProblem problem, long seed) {
        List<Integer> unplaced = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        for (int v : DecreasingFitSolver.decreasingOrder(problem)) {
            (problem.fitMask(v) == 0 ? unplaced : left).add(v);
        }
        List<OpenServer> servers = new ArrayList<>();
        int[] bought = new int[problem.typeCount()];
        boolean solvedOnce = false;
        for (int round = 0; round < MAX_ROUNDS && !left.isEmpty(); round++) {
            int[] subset = left.stream().mapToInt(Integer::intValue).toArray();
            int[] stockLeft = new int[problem.typeCount()];
            for (int t = 0; t < stockLeft.length; t++) {
                stockLeft[t] = problem.limitedStock(t) ? problem.stock(t) - bought[t] : problem.stock(t);
            }
            ConfigurationBound.Lp lp = ConfigurationBound.lp(problem.subset(subset, stockLeft));
            if (lp == null || lp.x() == null) {
                break;
            }
            solvedOnce = true;
            List<List<Integer>> pools = new ArrayList<>();
            for (int c = 0; c < lp.classes().count(); c++) {
                pools.add(new ArrayList<>());
            }
            for (int i = 0; i < subset.length; i++) {
                pools.get(lp.classOf()[i]).add(subset[i]);
            }
            double[] x = lp.x();
            int before = servers.size();
            int largest = 0;
            for (int p = 0; p < x.length; p++) {
                long copies = (long) Math.floor(x[p] + 1e-7);
                for (long k = 0; k < copies; k++) {
                    buy(problem, lp.patterns().get(p), pools, servers, bought);
                }
                if (x[p] > x[largest] + 1e-9) {
                    largest = p;
                }
            }
            if (servers.size() == before) {
                // The LP buys no pattern whole: buy one copy of the one it buys most of, and solve again.
                buy(problem, lp.patterns().get(largest), pools, servers, bought);
            }
            if (servers.size() == before) {
                break;
            }
            java.util.Set<Integer> still = new java.util.HashSet<>();
            pools.forEach(still::addAll);
            left = left.stream().filter(still::contains).toList();
        }
        if (!solvedOnce) {
            return DecreasingFitSolver.firstFit().solve(problem, seed).by(name());
        }
        for (int v : left) {
            OpenServer target = null;
            for (OpenServer server : servers) {
                if (server.room(problem, v)) {
                    target = server;
                    break;
                }
            }
            if (target == null) {
                int type = -1;
                for (int t = 0; t < problem.typeCount(); t++) {
                    if (problem.fits(v, t) && bought[t] < problem.stock(t)
                            && (type < 0 || problem.price(t) < problem.price(type))) {
                        type = t;
                    }
                }
                if (type < 0) {
                    unplaced.add(v);
                    continue;
                }
                bought[type]++;
                target = new OpenServer(type);
                servers.add(target);
            }
            target.add(problem, v);
        }
        return new FleetPlan(name(), CheapestType.resize(problem,
                servers.stream().map(s -> s.vms()).toList(),
                servers.stream().mapToInt(s -> s.type).toArray()), unplaced);
    }

    /** One server of the pattern's type, its slots filled from the pools of its classes; none if none fits. */
    private static void buy(SizingProblem problem, ConfigurationBound.Pattern pattern, List<List<Integer>> pools,
                            List<OpenServer> servers, int[] bought) {
        if (bought[pattern.type()] >= problem.stock(pattern.type())) {
            return;
        }
        OpenServer server = new OpenServer(pattern.type());
        for (int c = 0; c < pattern.counts().length; c++) {
            for (int n = 0; n < pattern.counts()[c]; n++) {
                List<Integer> pool = pools.get(c);
                for (int i = 0; i < pool.size(); i++) {
                    if (server.room(problem, pool.get(i))) {
                        server.add(problem, pool.remove(i));
                        break;
                    }
                }
            }
        }
        if (!server.members.isEmpty()) {
            servers.add(server);
            bought[pattern.type()]++;
        }
    }
}
