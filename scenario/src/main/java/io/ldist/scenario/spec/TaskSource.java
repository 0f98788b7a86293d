package io.ldist.scenario.spec;

import java.util.List;
import java.util.Objects;

/** Where the tasks of a task stream come from. */
public sealed interface TaskSource {

    /**
     * Poisson arrivals at {@code ratePerS}, optionally shaped by a daily profile (24 hourly multipliers, the
     * rate of each hour of the day) and by surges.
     */
    record PoissonArrivals(double ratePerS, double[] dailyProfile, List<Surge> surges, TaskShape shape)
            implements TaskSource {
        public PoissonArrivals {
            if (!(ratePerS > 0)) {
                throw new IllegalArgumentException("arrival rate must be > 0");
            }
            if (dailyProfile != null) {
                if (dailyProfile.length != 24) {
                    throw new IllegalArgumentException("a daily profile has 24 hourly values, got " + dailyProfile.length);
                }
                dailyProfile = dailyProfile.clone();
            }
            surges = List.copyOf(surges);
            Objects.requireNonNull(shape, "shape");
        }

        /** Arrival rate at time {@code t}. */
        public double rateAt(double t) {
            double rate = ratePerS;
            if (dailyProfile != null) {
                rate *= dailyProfile[(int) ((t % 86_400) / 3_600)];
            }
            for (Surge surge : surges) {
                if (t >= surge.fromS() && t < surge.toS()) {
                    rate *= surge.factor();
                }
            }
            return rate;
        }

        /** Highest rate at any time, for thinning. */
        public double peakRate() {
            double profilePeak = 1;
            if (dailyProfile != null) {
                profilePeak = 0;
                for (double v : dailyProfile) {
                    profilePeak = Math.max(profilePeak, v);
                }
            }
            double surgePeak = 1;
            for (Surge surge : surges) {
                surgePeak *= Math.max(1, surge.factor());
            }
            return ratePerS * profilePeak * surgePeak;
        }
    }

    /** Tasks given one by one, in arrival order (for example read from a CSV file). */
    record TaskList(List<TaskSpec> tasks) implements TaskSource {
        public TaskList {
            tasks = List.copyOf(tasks);
            for (int i = 1; i < tasks.size(); i++) {
                if (tasks.get(i).arrivalS() < tasks.get(i - 1).arrivalS()) {
                    throw new IllegalArgumentException("tasks must be in arrival order");
                }
            }
        }
    }
}
