package io.ldist.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

class HourlyMeansTest {
    @Test
    void eachHourIsTheTimeWeightedMeanOfTheSamplesHoldingInIt() {
        // 10 for the first half hour, 40 for the rest of hour one, 7 through hour two, which the run ends at 1.5 h
        double[] t = {0, 1800, 3600, 5400};
        double[] y = {10, 40, 7, 99};

        double[][] hourly = HourlyMeans.of(t, y);

        assertThat(hourly[0]).containsExactly(1800, 4500);
        assertThat(hourly[1][0]).isCloseTo(25, within(1e-9));
        assertThat(hourly[1][1]).isCloseTo(7, within(1e-9));
    }

    /** The hours' means, weighted by the time each covers, give back the whole run's time-weighted mean. */
    @Property(tries = 200)
    void theHoursTogether_keepTheRunsMean(@ForAll @IntRange(min = 2, max = 300) int samples,
                                          @ForAll @DoubleRange(min = 1, max = 2000) double meanStepS,
                                          @ForAll long seed) {
        Random random = new Random(seed);
        double[] t = new double[samples];
        double[] y = new double[samples];
        for (int i = 1; i < samples; i++) {
            t[i] = t[i - 1] + random.nextDouble() * 2 * meanStepS + 1e-3;
        }
        double whole = 0;
        for (int i = 0; i < samples; i++) {
            y[i] = random.nextInt(100);
            whole += i + 1 < samples ? y[i] * (t[i + 1] - t[i]) : 0;
        }
        whole /= t[samples - 1];

        double[][] hourly = HourlyMeans.of(t, y);

        double pooled = 0;
        for (int h = 0; h < hourly[0].length; h++) {
            double from = Math.floor(hourly[0][h] / 3600) * 3600;
            double covered = 2 * (hourly[0][h] - from);
            pooled += hourly[1][h] * Math.min(3600, covered);
            assertThat(hourly[1][h]).isBetween(0.0, 99.0);
        }
        assertThat(pooled / t[samples - 1]).isCloseTo(whole, within(1e-6 * Math.max(1, whole)));
    }
}
