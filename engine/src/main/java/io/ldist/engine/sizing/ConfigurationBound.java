package io.ldist.engine.sizing;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.exception.TooManyIterationsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration (pattern) LP bound: a lower bound that sees how VMs pair on a server.
 *
 * <p>The VMs are grouped into classes: each dimension's demand is rounded <em>down</em> to one of a few
 * breakpoints (quantiles of the VMs' demands on that dimension), and VMs with the same rounded demands and the same
 * set of types they fit alone (cores, per-core speed) share a class. A rounded VM needs no more than the real
 * one, so every server of a feasible plan, read as classes, is a feasible <em>pattern</em>: a multiset of at most
 * {@code maxVmsPerHost} classes, all fitting the type, whose rounded demands fit its capacity on every
 * dimension. Per type the maximal patterns are enumerated (a pattern that has room for one more VM is covered by
 * one that holds it), and the LP
 * <pre>  min sum_p price(type of p) * x_p   s.t.  sum_p count(c in p) * x_p >= VMs in class c,  x >= 0</pre>
 * (with, per type of finite stock, sum of its patterns' x at most the stock) is solved with commons-math3's
 * simplex. Any plan gives a feasible x (its servers' patterns), so the LP optimum is at most the plan's cost.
 * Where every price is a whole multiple of a common unit (with one type, the price itself), the bound is rounded
 * up to that unit, since every fleet's cost is such a multiple.
 *
 * <p>The grid starts fine (every distinct demand value kept, up to {@value #FINEST} breakpoints per dimension)
 * and is coarsened (half the breakpoints) until the classes number at most {@value #MAX_CLASSES} and the
 * patterns at most {@value #MAX_PATTERNS}; a coarser grid gives a weaker but still valid bound. When even one
 * breakpoint per dimension gives too many patterns, the bound is 0 (the other bounds stand).
 */
final class ConfigurationBound {
    static final int FINEST = 256;
    static final int MAX_CLASSES = 160;
    static final int MAX_PATTERNS = 30_000;
    /** Search nodes the enumeration may visit at one grid before it coarsens. */
    private static final long MAX_NODES = 4_000_000;

    /** What was solved: the bound, the breakpoints per dimension, the classes and patterns of the LP. */
    record Result(double value, int breakpoints, int classes, int patterns) {
        static final Result NONE = new Result(0, 0, 0, 0);
    }

    private ConfigurationBound() {
    }

    static double of(SizingProblem problem) {
        return solve(problem).value();
    }

    static Result solve(SizingProblem problem) {
        return solve(problem, FINEST);
    }

    /** The bound with at most {@code finest} breakpoints per dimension, fewer if the LP would be too large. */
    static Result solve(SizingProblem problem, int finest) {
        Lp lp = lp(problem, finest);
        return lp == null ? Result.NONE
                : new Result(lp.bound(problem), lp.breakpoints(), lp.classes().count(), lp.patterns().size());
    }

    /**
     * The solved configuration LP: the classes, which class each VM is in (-1 for a VM no type holds), the
     * patterns and their fractional counts ({@code x} null when the LP has no solution). Null when there is
     * nothing to place or no grid keeps the LP small.
     */
    record Lp(int breakpoints, Classes classes, int[] classOf, List<Pattern> patterns, double[] x, double value) {
        double bound(SizingProblem problem) {
            if (x == null) {
                return 0;
            }
            // A hair below the simplex's value, so that its rounding error cannot lift the bound above the optimum.
            double below = value * (1 - 1e-9);
            double unit = priceUnit(problem);
            return unit > 0 ? Math.ceil(below / unit - 1e-6) * unit : below;
        }
    }

    static Lp lp(SizingProblem problem) {
        return lp(problem, FINEST);
    }

    static Lp lp(SizingProblem problem, int finest) {
        List<Integer> placeable = new ArrayList<>();
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.fitMask(v) != 0) {
                placeable.add(v);
            }
        }
        if (placeable.isEmpty()) {
            return null;
        }
        for (int breakpoints = finest; breakpoints >= 1; breakpoints /= 2) {
            Classes classes = Classes.of(problem, placeable, breakpoints);
            if (classes.count() > MAX_CLASSES && breakpoints > 1) {
                continue;
            }
            List<Pattern> patterns = patterns(problem, classes);
            if (patterns == null) {
                continue;
            }
            int[] classOf = new int[problem.vmCount()];
            Arrays.fill(classOf, -1);
            for (int i = 0; i < placeable.size(); i++) {
                classOf[placeable.get(i)] = classes.member()[i];
            }
            PointValuePair optimum = solveLp(problem, classes, patterns);
            return new Lp(breakpoints, classes, classOf, patterns, optimum == null ? null : optimum.getPoint(),
                    optimum == null ? 0 : optimum.getValue());
        }
        return null;
    }

    /** VM classes: rounded-down demand per dimension and the types a VM fits, with how many VMs each holds. */
    record Classes(long[][] demand, long[] fitMask, int[] size, int[] member) {
        int count() {
            return size.length;
        }

        static Classes of(SizingProblem problem, List<Integer> vms, int breakpoints) {
            int dims = SizingProblem.DIMENSIONS - 1; // the VM slot is the pattern's size
            long[][] grid = new long[dims][];
            for (int d = 0; d < dims; d++) {
                long[] values = new long[vms.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = problem.demand(vms.get(i), d);
                }
                Arrays.sort(values);
                grid[d] = breakpoints(values, breakpoints);
            }
            Map<List<Long>, Integer> index = new LinkedHashMap<>();
            List<long[]> demands = new ArrayList<>();
            List<Long> masks = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            int[] member = new int[vms.size()];
            for (int i = 0; i < member.length; i++) {
                int v = vms.get(i);
                List<Long> key = new ArrayList<>(dims + 1);
                long[] rounded = new long[dims];
                for (int d = 0; d < dims; d++) {
                    rounded[d] = roundDown(grid[d], problem.demand(v, d));
                    key.add(rounded[d]);
                }
                key.add(problem.fitMask(v));
                Integer c = index.get(key);
                if (c == null) {
                    c = demands.size();
                    index.put(key, c);
                    demands.add(rounded);
                    masks.add(problem.fitMask(v));
                    sizes.add(1);
                } else {
                    sizes.set(c, sizes.get(c) + 1);
                }
                member[i] = c;
            }
            return new Classes(demands.toArray(long[][]::new), masks.stream().mapToLong(Long::longValue).toArray(),
                    sizes.stream().mapToInt(Integer::intValue).toArray(), member);
        }

        /** Up to {@code count} breakpoints: the sorted values at evenly spaced ranks, the smallest always one. */
        private static long[] breakpoints(long[] sorted, int count) {
            long[] distinct = Arrays.stream(sorted).distinct().toArray();
            if (distinct.length <= count) {
                return distinct;
            }
            long[] picked = new long[count];
            for (int i = 0; i < count; i++) {
                picked[i] = sorted[(int) ((long) i * sorted.length / count)];
            }
            return Arrays.stream(picked).distinct().toArray();
        }

        /** The largest breakpoint at most {@code value} (the smallest breakpoint is the smallest value). */
        private static long roundDown(long[] grid, long value) {
            int at = Arrays.binarySearch(grid, value);
            return at >= 0 ? grid[at] : grid[-at - 2];
        }
    }

    /** A multiset of classes on one server type. */
    record Pattern(int type, int[] counts) {
    }

    /**
     * The maximal patterns of every type, leaving out a pattern that also fits a cheaper type (or an equally
     * priced earlier one); null when there are more than {@link #MAX_PATTERNS} or the search grows too large.
     */
    private static List<Pattern> patterns(SizingProblem problem, Classes classes) {
        int slots = (int) Math.min(problem.maxVmsPerHost(), Arrays.stream(classes.size()).asLongStream().sum());
        List<Pattern> patterns = new ArrayList<>();
        long[] nodes = {0};
        for (int t = 0; t < problem.typeCount(); t++) {
            int type = t;
            int[] fitting = java.util.stream.IntStream.range(0, classes.count())
                    .filter(c -> (classes.fitMask()[c] & (1L << type)) != 0).toArray();
            if (fitting.length == 0) {
                continue;
            }
            long[] capacity = new long[SizingProblem.DIMENSIONS - 1];
            for (int d = 0; d < capacity.length; d++) {
                capacity[d] = problem.capacity(t, d);
            }
            int[] counts = new int[classes.count()];
            if (!enumerate(problem, classes, t, fitting, 0, counts, 0, slots, capacity, patterns, nodes)) {
                return null;
            }
        }
        return patterns;
    }

    private static boolean enumerate(SizingProblem problem, Classes classes, int type, int[] fitting, int from,
                                     int[] counts, int used, int slots, long[] room, List<Pattern> out,
                                     long[] nodes) {
        if (++nodes[0] > MAX_NODES) {
            return false;
        }
        boolean extended = false;
        if (used < slots) {
            for (int i = from; i < fitting.length; i++) {
                int c = fitting[i];
                if (counts[c] < classes.size()[c] && fits(classes.demand()[c], room)) {
                    extended = true;
                    take(classes.demand()[c], room, -1);
                    counts[c]++;
                    boolean ok = enumerate(problem, classes, type, fitting, i, counts, used + 1, slots, room, out,
                            nodes);
                    counts[c]--;
                    take(classes.demand()[c], room, 1);
                    if (!ok) {
                        return false;
                    }
                }
            }
        }
        if (extended || used == 0 || !maximal(classes, fitting, counts, used, slots, room)
                || cheaperElsewhere(problem, classes, type, counts)) {
            return true;
        }
        out.add(new Pattern(type, counts.clone()));
        return out.size() <= MAX_PATTERNS;
    }

    /** No VM of any class this type holds can be added (classes before {@code from} included). */
    private static boolean maximal(Classes classes, int[] fitting, int[] counts, int used, int slots, long[] room) {
        if (used >= slots) {
            return true;
        }
        for (int c : fitting) {
            if (counts[c] < classes.size()[c] && fits(classes.demand()[c], room)) {
                return false;
            }
        }
        return true;
    }

    /** The same multiset fits a type that costs less (or as much and comes first): this pattern is dominated. */
    private static boolean cheaperElsewhere(SizingProblem problem, Classes classes, int type, int[] counts) {
        for (int t = 0; t < problem.typeCount(); t++) {
            if (t == type || problem.price(t) > problem.price(type)
                    || (problem.price(t) == problem.price(type) && t > type)) {
                continue;
            }
            if (holds(problem, classes, t, counts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(SizingProblem problem, Classes classes, int t, int[] counts) {
        long[] used = new long[SizingProblem.DIMENSIONS - 1];
        int vms = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            if ((classes.fitMask()[c] & (1L << t)) == 0) {
                return false;
            }
            vms += counts[c];
            for (int d = 0; d < used.length; d++) {
                used[d] += counts[c] * classes.demand()[c][d];
            }
        }
        if (vms > problem.maxVmsPerHost()) {
            return false;
        }
        for (int d = 0; d < used.length; d++) {
            if (used[d] > problem.capacity(t, d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(long[] demand, long[] room) {
        for (int d = 0; d < room.length; d++) {
            if (demand[d] > room[d]) {
                return false;
            }
        }
        return true;
    }

    private static void take(long[] demand, long[] room, int sign) {
        for (int d = 0; d < room.length; d++) {
            room[d] += sign * demand[d];
        }
    }

    /** The LP's optimum, or null when it has none (too little stock) or the simplex gives up. */
    private static PointValuePair solveLp(SizingProblem problem, Classes classes, List<Pattern> patterns) {
        int columns = patterns.size();
        double[] prices = new double[columns];
        for (int p = 0; p < columns; p++) {
            prices[p] = problem.price(patterns.get(p).type());
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int c = 0; c < classes.count(); c++) {
            double[] row = new double[columns];
            for (int p = 0; p < columns; p++) {
                row[p] = patterns.get(p).counts()[c];
            }
            constraints.add(new LinearConstraint(row, Relationship.GEQ, classes.size()[c]));
        }
        for (int t = 0; t < problem.typeCount(); t++) {
            if (problem.limitedStock(t)) {
                double[] row = new double[columns];
                for (int p = 0; p < columns; p++) {
                    row[p] = patterns.get(p).type() == t ? 1 : 0;
                }
                constraints.add(new LinearConstraint(row, Relationship.LEQ, problem.stock(t)));
            }
        }
        try {
            return new SimplexSolver().optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(prices, 0), new LinearConstraintSet(constraints),
                    GoalType.MINIMIZE, new NonNegativeConstraint(true));
        } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
            // Too little stock for the demand (no fleet from this catalogue carries it): the other bounds stand.
            return null;
        }
    }

    /**
     * The largest amount every server price is a whole multiple of, at a resolution of 1e-6 USD; 0 when the
     * prices have no such common unit (then the bound is not rounded).
     */
    static double priceUnit(SizingProblem problem) {
        final double resolution = 1e-6;
        long gcd = 0;
        for (int t = 0; t < problem.typeCount(); t++) {
            double units = problem.price(t) / resolution;
            long whole = Math.round(units);
            if (whole <= 0 || Math.abs(units - whole) > 1e-6) {
                return 0;
            }
            gcd = gcd(gcd, whole);
        }
        return gcd * resolution;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
