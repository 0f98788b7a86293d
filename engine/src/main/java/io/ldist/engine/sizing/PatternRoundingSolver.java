package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan read off the configuration LP ({@link ConfigurationBound}): each pattern bought as many whole times as
 * the LP buys it, its slots filled with real VMs of its classes (largest first, a VM that does not fit with its
 * server's others left for later: classes round demand down), and the VMs left over first-fit into the servers
 * with room, else onto a new server of the cheapest type that holds them; then every server moved to the
 * cheapest type that still holds its VMs. Deterministic; used as a start for jsprit. Where the LP cannot be
 * solved it falls back to first-fit decreasing.
 */
final class PatternRoundingSolver implements FleetSolver {

    @Override
    public String name() {
        return "lp";
    }

    @Override
    public FleetPlan solve(SizingProblem problem, long seed) {
        ConfigurationBound.Lp lp = ConfigurationBound.lp(problem);
        if (lp == null || lp.x() == null) {
            return DecreasingFitSolver.firstFit().solve(problem, seed).by(name());
        }
        List<List<Integer>> pools = new ArrayList<>();
        for (int c = 0; c < lp.classes().count(); c++) {
            pools.add(new ArrayList<>());
        }
        List<Integer> unplaced = new ArrayList<>();
        for (int v : DecreasingFitSolver.decreasingOrder(problem)) {
            if (lp.classOf()[v] < 0) {
                unplaced.add(v);
            } else {
                pools.get(lp.classOf()[v]).add(v);
            }
        }
        List<Server> servers = new ArrayList<>();
        int[] bought = new int[problem.typeCount()];
        double[] x = lp.x();
        for (int p = 0; p < lp.patterns().size(); p++) {
            long copies = (long) Math.floor(x[p] + 1e-7);
            for (long k = 0; k < copies; k++) {
                buy(problem, lp.patterns().get(p), pools, servers, bought);
            }
        }
        List<Integer> left = new ArrayList<>();
        for (int v : DecreasingFitSolver.decreasingOrder(problem)) {
            int c = lp.classOf()[v];
            if (c >= 0 && pools.get(c).contains(v)) {
                left.add(v);
            }
        }
        for (int v : left) {
            Server target = null;
            for (Server server : servers) {
                if (server.room(v)) {
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
                target = new Server(problem, type);
                servers.add(target);
            }
            target.add(v);
        }
        return new FleetPlan(name(), CheapestType.resize(problem,
                servers.stream().map(s -> s.members.stream().mapToInt(Integer::intValue).toArray()).toList(),
                servers.stream().mapToInt(s -> s.type).toArray()), unplaced);
    }

    /** One server of the pattern's type, its slots filled from the pools of its classes; none if none fits. */
    private static void buy(SizingProblem problem, ConfigurationBound.Pattern pattern, List<List<Integer>> pools,
                            List<Server> servers, int[] bought) {
        if (bought[pattern.type()] >= problem.stock(pattern.type())) {
            return;
        }
        Server server = new Server(problem, pattern.type());
        for (int c = 0; c < pattern.counts().length; c++) {
            for (int n = 0; n < pattern.counts()[c]; n++) {
                List<Integer> pool = pools.get(c);
                for (int i = 0; i < pool.size(); i++) {
                    if (server.room(pool.get(i))) {
                        server.add(pool.remove(i));
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

    private static final class Server {
        final SizingProblem problem;
        final int type;
        final long[] used = new long[SizingProblem.DIMENSIONS];
        final List<Integer> members = new ArrayList<>();

        Server(SizingProblem problem, int type) {
            this.problem = problem;
            this.type = type;
        }

        boolean room(int v) {
            if (!problem.fits(v, type)) {
                return false;
            }
            for (int d = 0; d < used.length; d++) {
                if (used[d] + problem.demand(v, d) > problem.capacity(type, d)) {
                    return false;
                }
            }
            return true;
        }

        void add(int v) {
            members.add(v);
            for (int d = 0; d < used.length; d++) {
                used[d] += problem.demand(v, d);
            }
        }
    }
}
