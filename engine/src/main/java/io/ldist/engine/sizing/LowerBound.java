package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cost per hour no fleet can go below, so that a plan's gap to the optimum can be stated. The best of four
 * bounds, each valid on its own:
 * <ul>
 *   <li><b>cardinality</b>: the VMs need at least ceil(n / VMs per server) servers, each costing at least the
 *       cheapest type that holds any of them;</li>
 *   <li><b>per resource</b>: on each dimension, the total demand bought at the lowest price per unit;</li>
 *   <li><b>LP relaxation</b>: fractional server counts x_t minimising the price, covering every dimension's
 *       demand; and, for each set of types some VMs are confined to (VMs too large or too fast per core for
 *       the rest), those VMs' demand by those types alone;</li>
 *   <li><b>configuration LP</b>: fractional counts of server patterns (which VM classes share a server, demands
 *       rounded down to a grid) covering every class, so that it sees how VMs pair; see
 *       {@link ConfigurationBound}.</li>
 * </ul>
 * VMs no type can hold are left out of every bound (they are reported as unplaced instead).
 */
public record LowerBound(double cardinality, double perResource, double linearRelaxation, double configuration) {

    /** The tightest of the four. */
    public double best() {
        return Math.max(Math.max(cardinality, perResource), Math.max(linearRelaxation, configuration));
    }

    /** How far above this bound a cost lies, in percent of the bound (0 when the bound is 0). */
    public double gapPercent(double cost) {
        double bound = best();
        return bound > 0 ? 100 * (cost - bound) / bound : 0;
    }

    public static LowerBound of(SizingProblem problem) {
        int placeable = 0;
        double cheapestHolding = Double.POSITIVE_INFINITY;
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.fitMask(v) != 0) {
                placeable++;
                cheapestHolding = Math.min(cheapestHolding, cheapestOf(problem, problem.fitMask(v)));
            }
        }
        if (placeable == 0) {
            return new LowerBound(0, 0, 0, 0);
        }
        double cardinality = Math.ceil((double) placeable / problem.maxVmsPerHost()) * cheapestHolding;
        double[] totals = placeableTotals(problem, ~0L);
        double perResource = 0;
        for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
            double cheapestUnit = Double.POSITIVE_INFINITY;
            for (int t = 0; t < problem.typeCount(); t++) {
                if (problem.capacity(t, d) > 0) {
                    cheapestUnit = Math.min(cheapestUnit, problem.price(t) / problem.capacity(t, d));
                }
            }
            if (totals[d] > 0) {
                perResource = Math.max(perResource, totals[d] * cheapestUnit);
            }
        }
        return new LowerBound(cardinality, perResource, linearRelaxation(problem),
                ConfigurationBound.of(problem));
    }

    private static double cheapestOf(SizingProblem problem, long mask) {
        double cheapest = Double.POSITIVE_INFINITY;
        for (int t = 0; t < problem.typeCount(); t++) {
            if ((mask & (1L << t)) != 0) {
                cheapest = Math.min(cheapest, problem.price(t));
            }
        }
        return cheapest;
    }

    /** Demand per dimension of the placeable VMs whose fitting types all lie in {@code within}. */
    private static double[] placeableTotals(SizingProblem problem, long within) {
        double[] totals = new double[SizingProblem.DIMENSIONS];
        for (int v = 0; v < problem.vmCount(); v++) {
            long mask = problem.fitMask(v);
            if (mask != 0 && (mask & ~within) == 0) {
                for (int d = 0; d < totals.length; d++) {
                    totals[d] += problem.demand(v, d);
                }
            }
        }
        return totals;
    }

    private static double linearRelaxation(SizingProblem problem) {
        int types = problem.typeCount();
        Set<Long> groups = new LinkedHashSet<>();
        groups.add(~0L);
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.fitMask(v) != 0) {
                groups.add(problem.fitMask(v));
            }
        }
        List<double[]> covers = new ArrayList<>();
        List<Double> needs = new ArrayList<>();
        for (long group : groups) {
            double[] totals = placeableTotals(problem, group);
            for (int d = 0; d < SizingProblem.DIMENSIONS; d++) {
                if (totals[d] <= 0) {
                    continue;
                }
                double[] row = new double[types];
                for (int t = 0; t < types; t++) {
                    row[t] = (group & (1L << t)) != 0 ? problem.capacity(t, d) : 0;
                }
                covers.add(row);
                needs.add(totals[d]);
            }
        }
        double[] prices = new double[types];
        List<double[]> limits = new ArrayList<>();
        List<Double> caps = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            prices[t] = problem.price(t);
            if (problem.limitedStock(t)) {
                double[] row = new double[types];
                row[t] = 1;
                limits.add(row);
                caps.add((double) problem.stock(t));
            }
        }
        double bound = CoveringLp.lowerBound(prices, covers, needs, limits, caps);
        if (bound == Double.POSITIVE_INFINITY) {
            // Too little stock for the demand: no fleet from this catalogue carries it; the other bounds stand.
            return 0;
        }
        // With one type the server count is a whole number: round the fractional count up.
        return types == 1 && prices[0] > 0 ? Math.ceil(bound / prices[0] - 1e-9) * prices[0] : bound;
    }
}
