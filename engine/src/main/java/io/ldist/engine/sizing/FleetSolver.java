package io.ldist.engine.sizing;

/** A way to size a fleet: which servers to buy from the catalogue and which VMs each one holds. */
public interface FleetSolver {
    String name();

    /** A sound plan (see {@link FleetPlanCheck}); the same problem and seed give the same plan. */
    FleetPlan solve(SizingProblem problem, long seed);
}
