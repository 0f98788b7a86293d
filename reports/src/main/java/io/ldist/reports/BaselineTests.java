package io.ldist.reports;

import io.ldist.engine.util.Plural;
import io.ldist.reports.stats.PairedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the report words the paired tests against the baseline: the change and p-value under each value, and
 * what few pairs do to them (an exact rank test on 3 pairs cannot give p below 0.25, whatever the runs).
 */
final class BaselineTests {
    /** The p-value below which a difference is shown as significant. */
    private static final double SIGNIFICANT = 0.05;
    /** Fewer pairs than a two-sided Wilcoxon test needs to reach p < 0.05: too few to trust any test unremarked. */
    private static final int FEW_PAIRS = 6;

    private final Variants variants;
    private final Variants.Baseline baseline;
    private final PairedTest test;
    /** Pair counts whose p-values were marked as unable to reach significance, for the legend said once. */
    private final java.util.SortedSet<Integer> markedPairCounts = new java.util.TreeSet<>();
    private boolean legendGiven;

    BaselineTests(Variants variants, Variants.Baseline baseline, PairedTest test) {
        this.variants = variants;
        this.baseline = baseline;
        this.test = test;
    }

    /** A warning when no test of this report can reach significance, however large the difference. */
    String tooFewPairs() {
        int most = variants.all().stream().mapToInt(v -> variants.rowsOf(v).size()).max().orElse(0);
        double least = test.leastPossiblePValue(most);
        if (most < 2 || !(least >= SIGNIFICANT)) {
            return "";
        }
        int needed = most;
        while (test.leastPossiblePValue(needed) >= SIGNIFICANT) {
            needed++;
        }
        return new StringBuilder("<p class=\"note\">With ").append(Plural.of(most, "pair"))
                .append(" of runs at most, a two-sided ").append(Html.escape(testName()))
                .append(String.format(Locale.ROOT, " cannot give a p-value below %.3f, so no difference here can "
                        + "reach p &lt; 0.05, however large; that takes ", least))
                .append(needed).append(" pairs (days &times; seeds) or more.</p>\n").toString();
    }

    /** The test's name in a sentence. */
    String testName() {
        return switch (test.name()) {
            case "wilcoxon" -> "Wilcoxon signed-rank test";
            case "paired-t" -> "paired t-test";
            default -> test.name() + " test";
        };
    }

    /** Under a value: its change against the baseline and the p-value of the paired test. */
    String versusBaseline(Variant variant, Metric metric) {
        Optional<Variant> base = variants.baselineFor(baseline, variant);
        if (base.isEmpty()) {
            return "";
        }
        double[][] pairs = variants.paired(variant, base.get(), metric.name());
        int n = pairs[0].length;
        if (n == 0) {
            return "<span class=\"test\">no runs shared with the baseline</span>";
        }
        double mine = mean(pairs[0]);
        double theirs = mean(pairs[1]);
        String change = theirs == 0 ? (mine == 0 ? "same" : "from 0")
                : String.format(Locale.ROOT, "%+.1f %%", 100 * (mine - theirs) / Math.abs(theirs));
        double p = test.pValue(pairs[0], pairs[1]);
        boolean significant = !Double.isNaN(p) && p < SIGNIFICANT;
        return "<span class=\"test" + (significant ? " significant" : "") + "\">" + change + ", "
                + pValueText(p, pairs, n < variants.rowsOf(variant).size()) + "</span>";
    }

    /**
     * The p-value as the table shows it. When the test cannot reach {@value #SIGNIFICANT} with this many pairs,
     * a dagger marks it, explained once below the first table that has one ({@link #legendOnce}), so that a bare
     * p is never read as a finding; with very few pairs (or fewer than the runs) the pair count goes with it.
     */
    private String pValueText(double p, double[][] pairs, boolean fewerPairsThanRuns) {
        int n = pairs[0].length;
        if (Double.isNaN(p)) {
            return n < 2 ? "too few pairs to test" : "no difference to test";
        }
        String pText = p < 0.001 ? "p &lt; 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
        int counted = test.pairsCounted(pairs[0], pairs[1]);
        if (test.leastPossiblePValue(counted) >= SIGNIFICANT) {
            markedPairCounts.add(counted);
            return pText + "<sup>&dagger;</sup>" + (counted < n ? " (" + Plural.of(counted, "pair") + " that differ)"
                    : "");
        }
        return pText + (fewerPairsThanRuns || n < FEW_PAIRS ? " (" + Plural.of(n, "pair") + ")" : "");
    }

    /**
     * What the dagger means, with the least p-value each pair count marked so far can give: the first time a table
     * has used it, and "" afterwards.
     */
    String legendOnce() {
        if (legendGiven || markedPairCounts.isEmpty()) {
            return "";
        }
        legendGiven = true;
        List<String> floors = new ArrayList<>();
        for (int pairs : markedPairCounts) {
            floors.add(String.format(Locale.ROOT, "%.3f with %s", test.leastPossiblePValue(pairs),
                    Plural.of(pairs, "pair")));
        }
        return "<p class=\"legend\"><sup>&dagger;</sup> A p-value its pairs of runs (same day and seed, those "
                + "that differ) could not bring below 0.05, however large the difference: the least a two-sided "
                + Html.escape(testName()) + " can give is " + String.join(", ", floors) + ". It says nothing "
                + "either way; more days or seeds would.</p>\n";
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
