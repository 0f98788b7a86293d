package io.ldist.reports;

import io.ldist.reports.stats.PairedTTest;
import io.ldist.reports.stats.PairedTest;
import io.ldist.reports.stats.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report words a p-value that few pairs make meaningless. */
class PValueTextTest {
    /** Policy b against baseline a on three seeds, b's energy higher by the given amounts. */
    private static String report(PairedTest test, double... differences) {
        SampleResults results = new SampleResults();
        for (int seed = 0; seed < differences.length; seed++) {
            results.run("a", "-", seed, "energyKWh", 10 + seed);
        }
        for (int seed = 0; seed < differences.length; seed++) {
            results.run("b", "-", seed, "energyKWh", 10 + seed + differences[seed]);
        }
        return new ComparisonReport(results.table(), null, test).build(Path.of("."), null).html();
    }

    @Test
    void wilcoxonAtItsFloor_isMarked_andTheMarkExplainedOnce() {
        // Three differences of one sign: p = 2 / 2^3 = 0.25, the least three pairs can give.
        String html = report(new WilcoxonSignedRankTest(), 1, 2, 3);

        assertThat(html).contains("p = 0.250<sup>&dagger;</sup></span>");
        assertThat(html).containsOnlyOnce("<p class=\"legend\"><sup>&dagger;</sup> A p-value its pairs of runs")
                .contains("the least a two-sided Wilcoxon signed-rank test can give is 0.250 with 3 pairs.");
        assertThat(html).contains("<p class=\"note\">With 3 pairs of runs at most, a two-sided Wilcoxon signed-rank "
                + "test cannot give a p-value below 0.250, so no difference here can reach p &lt; 0.05, however "
                + "large; that takes 6 pairs (days &times; seeds) or more.</p>");
    }

    @Test
    void wilcoxonAboveItsFloor_isMarkedToo() {
        // Differences +1, +3, -2: W+ = 1 + 3 = 4 of 6; P(W+ >= 4) = 3/8 ({4, 5, 6} of the sums 0,1,2,3,3,4,5,6),
        // two-sided 0.75.
        assertThat(report(new WilcoxonSignedRankTest(), 1, 3, -2))
                .contains("p = 0.750<sup>&dagger;</sup></span>");
    }

    @Test
    void wilcoxonWithAPairThatDoesNotDiffer_countsTheOthers() {
        // Differences 0, 1, 2, 3, 4: the zero is dropped, four pairs give at best 2 / 16.
        assertThat(report(new WilcoxonSignedRankTest(), 0, 1, 2, 3, 4))
                .contains("p = 0.125<sup>&dagger;</sup> (4 pairs that differ)</span>")
                .contains("can give is 0.125 with 4 pairs.");
    }

    @Test
    void enoughPairs_aBareP() {
        // Six differences of one sign: 2 / 64 = 0.031, significant, and no remark.
        String html = report(new WilcoxonSignedRankTest(), 1, 2, 3, 4, 5, 6);

        assertThat(html).contains("<span class=\"test significant\">", "p = 0.031</span>")
                .doesNotContain("class=\"note\"").doesNotContain("&dagger;");
    }

    @Test
    void pairedTWithFewPairs_keepsItsPAndSaysHowManyPairs() {
        // Differences 1, 2, 3 (as in StatisticsTest.pairedTByHand): p = 0.074.
        String html = report(new PairedTTest(), 1, 2, 3);

        assertThat(html).contains("p = 0.074 (3 pairs)</span>").doesNotContain("class=\"note\"");
    }
}
