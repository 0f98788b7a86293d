package io.ldist.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * What a report says of one metric over a policy's runs: count, mean, sample standard deviation, the 95 %
 * confidence interval of the mean (Student's t: t(0.975, n-1) x sd / sqrt(n); undefined for one run), and the
 * five numbers of a box plot, with quartiles as R computes them by default (type 7: linear between order
 * statistics). Values that are not finite (a run that measured nothing) are left out.
 */
public record Summary(int n, double mean, double sd, double ciHalfWidth, double min, double q1, double median,
                      double q3, double max) {

    public static Summary of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        DescriptiveStatistics stats = new DescriptiveStatistics(finite);
        double sd = n > 1 ? stats.getStandardDeviation() : Double.NaN;
        double half = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n)
                : Double.NaN;
        Percentile type7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        type7.setData(finite);
        return new Summary(n, stats.getMean(), sd, half, stats.getMin(), type7.evaluate(25), type7.evaluate(50),
                type7.evaluate(75), stats.getMax());
    }

    public double ciLow() {
        return mean - ciHalfWidth;
    }

    public double ciHigh() {
        return mean + ciHalfWidth;
    }
}
