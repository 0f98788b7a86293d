package io.ldist.reports.stats;

/**
 * A two-sided test of whether paired measurements differ (a policy's runs against the baseline's runs on the
 * same days and seeds). The p-value is NaN when the pairs cannot say: fewer than two, or no difference at all.
 */
public interface PairedTest {
    String name();

    double pValue(double[] a, double[] b);

    /** How many of the pairs the test counts (Wilcoxon's drops the pairs without a difference). */
    int pairsCounted(double[] a, double[] b);

    /**
     * The smallest p-value the test can give on {@code pairs} counted pairs, whatever they hold: with few pairs
     * an exact rank test cannot reach the usual 0.05, however large the difference.
     */
    double leastPossiblePValue(int pairs);
}
