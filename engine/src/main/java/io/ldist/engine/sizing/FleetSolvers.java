package io.ldist.engine.sizing;

import java.util.List;

/** The fleet planner's solvers, by name. */
public final class FleetSolvers {
    /**
     * The default number of jsprit iterations: about 20 s for a PlanetLab day on a five-type catalogue on a quiet
     * 2-core machine (2026-12-03), 80 to 130 s with the lp start on the same machine under load (2026-12-08).
     */
    public static final int DEFAULT_ITERATIONS = 500;

    private FleetSolvers() {
    }

    public static List<String> names() {
        return List.of("ffd", "bfd", "lp", "jsprit");
    }

    /**
     * @param iterations jsprit's iterations (ignored by the greedy solvers)
     * @throws IllegalArgumentException naming the solvers there are, for a name that is not one
     */
    public static FleetSolver byName(String name, int iterations) {
        return switch (name) {
            case "ffd" -> DecreasingFitSolver.firstFit();
            case "bfd" -> DecreasingFitSolver.bestFit();
            case "lp" -> new PatternRoundingSolver();
            case "jsprit" -> new JspritSolver(new BestOf(new BestOf(DecreasingFitSolver.firstFit(),
                    DecreasingFitSolver.bestFit()), new PatternRoundingSolver()), iterations);
            default -> throw new IllegalArgumentException("no fleet solver '" + name + "'; there are "
                    + String.join(", ", names()));
        };
    }

    /** The cheaper plan of two greedy solvers, as jsprit's start. */
    private record BestOf(FleetSolver first, FleetSolver second) implements FleetSolver {
        @Override
        public String name() {
            return first.name() + "+" + second.name();
        }

        @Override
        public FleetPlan solve(SizingProblem problem, long seed) {
            FleetPlan a = first.solve(problem, seed);
            FleetPlan b = second.solve(problem, seed);
            return b.betterThan(a, problem) ? b : a;
        }
    }
}
