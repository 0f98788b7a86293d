package io.ldist.engine.sizing;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * jsprit's ruin-and-recreate search, started from a greedy plan, which it can only improve on: the cheaper of
 * the two is returned. Deterministic for a seed (one thread, a seeded random, a fixed number of iterations).
 */
public final class JspritSolver implements FleetSolver {
    private final FleetSolver start;
    private final int iterations;

    public JspritSolver(FleetSolver start, int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
        }
        this.start = start;
        this.iterations = iterations;
    }

    @Override
    public String name() {
        return "jsprit";
    }

    @Override
    public FleetPlan solve(SizingProblem problem, long seed) {
        FleetPlan initial = start.solve(problem, seed).by(name());
        if (iterations == 0 || initial.servers().isEmpty()) {
            return initial;
        }
        JspritModel model = new JspritModel(problem, vehiclesPerType(problem));
        StateManager states = new StateManager(model.problem);
        ConstraintManager constraints = new ConstraintManager(model.problem, states);
        constraints.addConstraint(new FixedCostAtInsertion());
        double highestPrice = 0;
        for (int t = 0; t < problem.typeCount(); t++) {
            highestPrice = Math.max(highestPrice, problem.price(t));
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(model.problem)
                .setStateAndConstraintManager(states, constraints)
                .setRandom(new Random(seed))
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                // With no travel, the scale of costs is the price: a VM left out must cost more than a server.
                .setProperty(Jsprit.Parameter.MAX_TRANSPORT_COSTS, String.valueOf(Math.max(1, highestPrice)))
                .setProperty(Jsprit.Parameter.ITERATIONS, String.valueOf(iterations))
                .buildAlgorithm();
        algorithm.addInitialSolution(model.solutionOf(initial));
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<Integer> neverPlaceable = new ArrayList<>();
        for (int v = 0; v < problem.vmCount(); v++) {
            if (problem.fitMask(v) == 0) {
                neverPlaceable.add(v);
            }
        }
        FleetPlan found = model.planOf(name(), best, neverPlaceable);
        return found.betterThan(initial, problem) && FleetPlanCheck.violations(problem, found).isEmpty() ? found : initial;
    }

    /** Enough servers of each type for any plan: the stock, or as many as there are VMs that fit the type. */
    private static int[] vehiclesPerType(SizingProblem problem) {
        int[] counts = new int[problem.typeCount()];
        for (int t = 0; t < counts.length; t++) {
            int fitting = 0;
            for (int v = 0; v < problem.vmCount(); v++) {
                fitting += problem.fits(v, t) ? 1 : 0;
            }
            counts[t] = Math.min(problem.stock(t), fitting);
        }
        return counts;
    }
}
