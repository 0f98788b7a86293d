package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * First-fit or best-fit decreasing over a catalogue of server types (variable-size bin packing).
 *
 * <p>VMs go in decreasing order of their largest share of a server's capacity. A VM goes on the first open
 * server it fits (first fit) or the one it leaves fullest (best fit); when none has room, a server is opened:
 * of the type with the lowest price per share of the whole demand it can carry on its tightest dimension (the
 * type that buys the demand cheapest in bulk), or, in a second round per type, that type wherever it holds
 * the VM. Each round ends by moving every server to the cheapest type that still holds its VMs; the cheapest
 * round wins. Milliseconds for a thousand VMs.
 */
public final class DecreasingFitSolver implements FleetSolver {
    private final boolean bestFit;

    private DecreasingFitSolver(boolean bestFit) {
        this.bestFit = bestFit;
    }

    public static DecreasingFitSolver firstFit() {
        return new DecreasingFitSolver(false);
    }

    public static DecreasingFitSolver bestFit() {
        return new DecreasingFitSolver(true);
    }

    @Override
    public String name() {
        return bestFit ? "bfd" : "ffd";
    }

    @Override
    public FleetPlan solve(SizingProblem problem, long seed) {
        Integer[] order = decreasingOrder(problem);
        double[] bulkPrice = bulkPrices(problem);
        FleetPlan best = pack(problem, order, bulkPrice, -1);
        for (int preferred = 0; preferred < problem.typeCount() && problem.typeCount() > 1; preferred++) {
            FleetPlan candidate = pack(problem, order, bulkPrice, preferred);
            if (candidate.betterThan(best, problem)) {
                best = candidate;
            }
        }
        return best;
    }

    /** VMs by decreasing largest share of the largest capacity on any dimension, ties by index. */
    static Integer[] decreasingOrder(SizingProblem problem) {
        long[] largest = new long[SizingProblem.DIMENSIONS];
        for (int t = 0; t < problem.typeCount(); t++) {
            for (int d = 0; d < largest.length; d++) {
                largest[d] = Math.max(largest[d], problem.capacity(t, d));
            }
        }
        double[] size = new double[problem.vmCount()];
        for (int v = 0; v < size.length; v++) {
            for (int d = 0; d < SizingProblem.SLOTS; d++) {
                if (largest[d] > 0) {
                    size[v] = Math.max(size[v], (double) problem.demand(v, d) / largest[d]);
                }
            }
        }
        Integer[] order = new Integer[problem.vmCount()];
        Arrays.setAll(order, v -> v);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(v -> -size[v]).thenComparingInt(v -> v));
        return order;
    }

    /** Per type: price divided by the share of the total demand one server carries on its tightest dimension. */
    private static double[] bulkPrices(SizingProblem problem) {
        double[] prices = new double[problem.typeCount()];
        for (int t = 0; t < prices.length; t++) {
            double share = Double.POSITIVE_INFINITY;
            for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
                long total = problem.totalDemand(d);
                if (total > 0) {
                    share = Math.min(share, (double) problem.capacity(t, d) / total);
                }
            }
            prices[t] = share > 0 ? problem.price(t) / share : Double.POSITIVE_INFINITY;
        }
        return prices;
    }

    private FleetPlan pack(SizingProblem problem, Integer[] order, double[] bulkPrice, int preferred) {
        List<OpenServer> open = new ArrayList<>();
        int[] bought = new int[problem.typeCount()];
        List<Integer> unplaced = new ArrayList<>();
        for (int v : order) {
            OpenServer target = bestFit ? fullestAfter(problem, open, v) : firstWithRoom(problem, open, v);
            if (target == null) {
                int type = typeToOpen(problem, v, bought, bulkPrice, preferred);
                if (type < 0) {
                    unplaced.add(v);
                    continue;
                }
                bought[type]++;
                target = new OpenServer(type);
                open.add(target);
            }
            target.add(problem, v);
        }
        return new FleetPlan(name(), CheapestType.resize(problem, open.stream().map(OpenServer::vms).toList(),
                open.stream().mapToInt(s -> s.type).toArray()), unplaced);
    }

    private static OpenServer firstWithRoom(SizingProblem problem, List<OpenServer> open, int v) {
        for (OpenServer server : open) {
            if (server.room(problem, v)) {
                return server;
            }
        }
        return null;
    }

    private static OpenServer fullestAfter(SizingProblem problem, List<OpenServer> open, int v) {
        OpenServer best = null;
        double bestSlack = Double.POSITIVE_INFINITY;
        for (OpenServer server : open) {
            if (server.room(problem, v)) {
                double slack = server.slackAfter(problem, v);
                if (slack < bestSlack) {
                    bestSlack = slack;
                    best = server;
                }
            }
        }
        return best;
    }

    private static int typeToOpen(SizingProblem problem, int v, int[] bought, double[] bulkPrice, int preferred) {
        if (preferred >= 0 && problem.fits(v, preferred) && bought[preferred] < problem.stock(preferred)) {
            return preferred;
        }
        int best = -1;
        for (int t = 0; t < problem.typeCount(); t++) {
            if (problem.fits(v, t) && bought[t] < problem.stock(t)
                    && (best < 0 || bulkPrice[t] < bulkPrice[best])) {
                best = t;
            }
        }
        return best;
    }

    /** A server being filled: its type, its VMs and what they use. */
}
