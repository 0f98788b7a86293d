package io.ldist.reports.charts;

import java.util.Arrays;

/**
 * A sampled series as one value per hour: the time-weighted mean over the hour, each sample holding until the
 * next (as the time series records the state after each decision), placed at the middle of the hour's part the
 * run covers. A run of one instant is its one sample.
 */
final class HourlyMeans {
    private static final double HOUR_S = 3600;

    private HourlyMeans() {
    }

    /** @return {times (s), means} */
    static double[][] of(double[] timeS, double[] values) {
        int n = timeS.length;
        if (n == 0 || timeS[n - 1] <= timeS[0]) {
            return new double[][] {timeS.clone(), values.clone()};
        }
        double first = Math.floor(timeS[0] / HOUR_S) * HOUR_S;
        int hours = (int) Math.ceil((timeS[n - 1] - first) / HOUR_S);
        double[] sum = new double[hours];
        double[] from = new double[hours];
        double[] to = new double[hours];
        Arrays.fill(from, Double.POSITIVE_INFINITY);
        Arrays.fill(to, Double.NEGATIVE_INFINITY);
        for (int i = 0; i + 1 < n; i++) {
            double start = timeS[i];
            double stop = timeS[i + 1];
            while (stop > start) {
                int h = Math.min(hours - 1, (int) ((start - first) / HOUR_S));
                double edge = Math.min(stop, first + (h + 1) * HOUR_S);
                if (edge <= start) {
                    edge = stop; // rounding at the last hour's end
                }
                sum[h] += values[i] * (edge - start);
                from[h] = Math.min(from[h], start);
                to[h] = Math.max(to[h], edge);
                start = edge;
            }
        }
        int kept = 0;
        double[] t = new double[hours];
        double[] y = new double[hours];
        for (int h = 0; h < hours; h++) {
            if (to[h] > from[h]) {
                t[kept] = (from[h] + to[h]) / 2;
                y[kept++] = sum[h] / (to[h] - from[h]);
            }
        }
        return new double[][] {Arrays.copyOf(t, kept), Arrays.copyOf(y, kept)};
    }
}
