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
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.List;

/**
 * A lower bound on a covering LP, min c.x subject to G x >= g, L x <= l, x >= 0 (G, L, c non-negative), that holds
 * whatever the simplex returns: the value of a feasible point of its dual, max g.y - l.z subject to
 * G'y - L'z <= c, y, z >= 0, which by weak duality no primal point goes below. commons-math's simplex can stop at a
 * primal vertex that is not optimal (min 2a + b + 2c with a + b + c >= 1 comes back as 2), which as a "lower
 * bound" would overstate it; a dual point that falls short only makes the bound weaker, never wrong. The dual
 * point is checked against every column and scaled into feasibility if rounding left it a hair outside.
 */
final class CoveringLp {
    private CoveringLp() {
    }

    /**
     * @param prices c, one per column
     * @param covers the rows of G
     * @param needs  g, one per row of G
     * @param limits the rows of L
     * @param caps   l, one per row of L
     * @return the bound, 0 when the dual could not be solved; +infinity when the primal is infeasible (the dual
     *         is unbounded: too little stock for the demand)
     */
    static double lowerBound(double[] prices, List<double[]> covers, List<Double> needs, List<double[]> limits,
                             List<Double> caps) {
        int m = covers.size();
        int k = limits.size();
        int columns = prices.length;
        double[] objective = new double[m + k];
        for (int i = 0; i < m; i++) {
            objective[i] = needs.get(i);
        }
        for (int j = 0; j < k; j++) {
            objective[m + j] = -caps.get(j);
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int t = 0; t < columns; t++) {
            constraints.add(new LinearConstraint(column(covers, limits, t), Relationship.LEQ, prices[t]));
        }
        double[] dual;
        try {
            PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                    GoalType.MAXIMIZE, new NonNegativeConstraint(true));
            dual = optimum.getPoint();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        } catch (NoFeasibleSolutionException | TooManyIterationsException e) {
            return 0; // y = z = 0 is always feasible: the weakest bound
        }
        for (int i = 0; i < dual.length; i++) {
            dual[i] = Math.max(0, dual[i]); // the simplex's rounding may leave a hair below 0
        }
        double scale = 1;
        for (int t = 0; t < columns; t++) {
            double[] a = column(covers, limits, t);
            double lhs = 0;
            for (int i = 0; i < a.length; i++) {
                lhs += a[i] * dual[i];
            }
            if (lhs > prices[t]) {
                scale = Math.min(scale, prices[t] / lhs);
            }
        }
        double value = 0;
        for (int i = 0; i < objective.length; i++) {
            value += objective[i] * dual[i];
        }
        return Math.max(0, scale * value * (1 - 1e-12));
    }

    /** Column t of the dual's constraint matrix: G's column t, then minus L's. */
    private static double[] column(List<double[]> covers, List<double[]> limits, int t) {
        double[] a = new double[covers.size() + limits.size()];
        for (int i = 0; i < covers.size(); i++) {
            a[i] = covers.get(i)[t];
        }
        for (int j = 0; j < limits.size(); j++) {
            a[covers.size() + j] = -limits.get(j)[t];
        }
        return a;
    }
}
