package io.ldist.reports.stats;

/**
 * A two-sided test of whether paired measurements differ (a policy's runs against the baseline's runs on the
 * same days and seeds). The p-value is NaN when the pairs cannot say: fewer than two, or no difference at all.
 */
public interface PairedTest {
    String name();

    double pValue(double[] a, double[] b);
}
