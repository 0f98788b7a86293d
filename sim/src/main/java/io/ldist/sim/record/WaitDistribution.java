package io.ldist.sim.record;

import java.util.ArrayList;
import java.util.List;

/**
 * How long a task stream's tasks waited, as a distribution that counts every arrived task: at each wait of a fixed
 * grid, how many tasks started within it. Tasks dropped, or still waiting when the run ended, never start, so the
 * share started tops out below 1 by exactly their share: a planner reading it sees drops, not only waits.
 *
 * @param waitS   the grid, ascending from 0
 * @param started tasks that started within each wait of the grid
 * @param arrived tasks that arrived
 */
public record WaitDistribution(double[] waitS, long[] started, long arrived) {
    /** Waits of 0, then 1, 2 and 5 times each power of ten from a second up to the first at or past {@code maxS}. */
    public static double[] grid(double maxS) {
        List<Double> grid = new ArrayList<>(List.of(0.0));
        for (double decade = 1; ; decade *= 10) {
            for (double step : new double[] {1, 2, 5}) {
                grid.add(step * decade);
                if (step * decade >= maxS) {
                    return grid.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
        }
    }

    /** The share of arrived tasks started within grid point {@code i}; NaN when no task arrived. */
    public double shareStarted(int i) {
        return arrived == 0 ? Double.NaN : (double) started[i] / arrived;
    }
}
