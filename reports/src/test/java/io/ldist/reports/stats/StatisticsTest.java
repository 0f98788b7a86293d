package io.ldist.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each figure checked against a value worked out by hand (the working is in the comments). */
class StatisticsTest {

    @Test
    void summaryOfOneToFive() {
        // mean 3; sample variance (4+1+0+1+4)/4 = 2.5, sd = sqrt(2.5) = 1.5811388;
        // t(0.975, 4) = 2.7764451 (tables); half-width = 2.7764451 x 1.5811388 / sqrt(5) = 1.9632432.
        // Type 7 quartiles: h = (n-1)p + 1 = 2, 3, 4 -> the 2nd, 3rd and 4th values.
        Summary s = Summary.of(new double[] {3, 1, 5, 2, 4});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(1.5811388, within(1e-7));
        assertThat(s.ciHalfWidth()).isCloseTo(1.9632432, within(1e-6));
        assertThat(s.ciLow()).isCloseTo(3 - 1.9632432, within(1e-6));
        assertThat(new double[] {s.min(), s.q1(), s.median(), s.q3(), s.max()}).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void quartilesInterpolateBetweenRuns() {
        // n = 4: h = 3p + 1 = 1.75, 2.5, 3.25 -> 1 + 0.75 x 1, 2 + 0.5 x 1, 3 + 0.25 x 1.
        Summary s = Summary.of(new double[] {4, 3, 2, 1});
        assertThat(new double[] {s.q1(), s.median(), s.q3()}).containsExactly(1.75, 2.5, 3.25);
    }

    @Test
    void runsThatMeasuredNothingAreLeftOut() {
        Summary s = Summary.of(new double[] {Double.NaN, 2, 4, Double.POSITIVE_INFINITY});
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(3.0);
    }

    @Test
    void oneRunHasNoInterval_noRunHasNothing() {
        Summary one = Summary.of(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.ciHalfWidth()).isNaN();
        Summary none = Summary.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
    }

    @Test
    void wilcoxonExactForFivePairsAllHigher() {
        // Five positive differences: W- = 0, reached by 1 of the 2^5 = 32 sign patterns; two-sided p = 2/32.
        double[] a = {2, 4, 6, 8, 10};
        double[] b = {1, 2, 3, 4, 5};
        assertThat(PairedTests.named("wilcoxon").pValue(a, b)).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void wilcoxonDropsPairsWithoutDifference() {
        // The pair (7, 7) is dropped, leaving the five above: still 2/32. Ranked with the rest (commons-math3's
        // own behaviour) it would make six pairs and 2/64.
        double[] a = {2, 4, 6, 8, 10, 7};
        double[] b = {1, 2, 3, 4, 5, 7};
        assertThat(new WilcoxonSignedRankTest().pValue(a, b)).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void wilcoxonWithMixedSigns() {
        // Differences 1, -2, 3, 4, 5 (ranks 1..5, the negative has rank 2): W- = 2. Sign patterns with W- <= 2:
        // {} , {1}, {2} -> 3 of 32; two-sided p = 6/32 = 0.1875.
        double[] a = {2, 0, 6, 8, 10};
        double[] b = {1, 2, 3, 4, 5};
        assertThat(new WilcoxonSignedRankTest().pValue(a, b)).isCloseTo(0.1875, within(1e-12));
    }

    @Test
    void wilcoxonExactWithTiedDifferences() {
        // Differences -1, -1, +2, +2: ranks 1.5, 1.5, 3.5, 3.5, W+ = 7. Over the 16 sign patterns W+ is 0 (1),
        // 1.5 (2), 3 (1), 3.5 (2), 5 (4), 6.5 (2), 7 (1), 8.5 (2), 10 (1): P(W+ >= 7) = 4/16, so p = 2 x 4/16.
        double[] a = {0, 0, 2, 2};
        double[] b = {1, 1, 0, 0};
        assertThat(new WilcoxonSignedRankTest().pValue(a, b)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void wilcoxonAtTheMiddleIsOne() {
        // Differences +1, -1: W+ = 1.5 of {0, 1.5, 1.5, 3}; both tails hold 3/4, twice that is capped at 1.
        // (commons-math3 3.6.1 can return more than 1 in such cases.)
        assertThat(new WilcoxonSignedRankTest().pValue(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1.0);
    }

    @Test
    void wilcoxonNormalApproximationAboveFiftyPairs() {
        // 60 pairs, all differences +1 (one tie group of 60, every rank 30.5): W+ = 1830 = n(n+1)/2, mean 915,
        // variance 60 x 61 x 121 / 24 - (60^3 - 60) / 48 = 18452.5 - 4498.75 = 13953.75, sd 118.1260;
        // z = (915 - 0.5) / 118.1260 = 7.7418: p = 2 (1 - Phi(7.74)) ~ 9.8e-15.
        double[] a = new double[60];
        double[] b = new double[60];
        java.util.Arrays.fill(a, 1);
        assertThat(new WilcoxonSignedRankTest().pValue(a, b)).isCloseTo(9.8e-15, within(0.3e-15));
    }

    @Test
    void wilcoxonLeastPossiblePValue_isTwoOverTwoToTheN() {
        // Only the pattern with every sign alike reaches each extreme: 1 of 2^n each side, two-sided 2 / 2^n.
        WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
        assertThat(test.leastPossiblePValue(1)).isEqualTo(1.0);
        assertThat(test.leastPossiblePValue(2)).isEqualTo(0.5);
        assertThat(test.leastPossiblePValue(3)).isEqualTo(0.25);
        assertThat(test.leastPossiblePValue(5)).isEqualTo(0.0625);
        assertThat(test.leastPossiblePValue(6)).isEqualTo(0.03125);
        // 60 pairs, distinct ranks, all positive: W+ = 1830, mean 915, variance 60 x 61 x 121 / 24 = 18452.5,
        // z = 914.5 / 135.8400 = 6.7322, p = 2 (1 - Phi(6.7322)) ~ 1.67e-11.
        assertThat(test.leastPossiblePValue(60)).isCloseTo(1.67e-11, within(0.02e-11));
    }

    @Test
    void wilcoxonCountsOnlyPairsThatDiffer_andReachesItsLeastWhenAllAgree() {
        WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
        double[] a = {5, 6, 7, 3};
        double[] b = {1, 2, 3, 3};
        assertThat(test.pairsCounted(a, b)).isEqualTo(3);
        assertThat(test.pValue(a, b)).isEqualTo(test.leastPossiblePValue(3)).isEqualTo(0.25);
    }

    @Test
    void pairedTCanReachAnyPValue() {
        PairedTTest test = new PairedTTest();
        assertThat(test.pairsCounted(new double[] {1, 2, 2}, new double[] {1, 1, 1})).isEqualTo(3);
        assertThat(test.leastPossiblePValue(2)).isZero();
        assertThat(test.leastPossiblePValue(1)).isNaN();
    }

    @Test
    void pairedTByHand() {
        // d = 1, 2, 3: mean 2, sd 1, t = 2 / (1 / sqrt 3) = 3.4641016 with 2 degrees of freedom, whose CDF is
        // 1/2 + t / (2 sqrt(t^2 + 2)) = 0.5 + 3.4641016 / 7.4833148 = 0.9629100; p = 2 (1 - 0.9629100) = 0.0741799.
        double[] a = {2, 4, 6};
        double[] b = {1, 2, 3};
        assertThat(PairedTests.named("paired-t").pValue(a, b)).isCloseTo(0.0741799, within(1e-6));
    }

    @Test
    void nothingToTest_isNaN() {
        for (String name : PairedTests.names()) {
            PairedTest test = PairedTests.named(name);
            assertThat(test.pValue(new double[] {1}, new double[] {2})).as(name + " one pair").isNaN();
            assertThat(test.pValue(new double[] {1, 2, 3}, new double[] {1, 2, 3})).as(name + " no difference").isNaN();
            assertThatThrownBy(() -> test.pValue(new double[] {1, 2}, new double[] {1}))
                    .hasMessageContaining("differ in length");
        }
    }

    @Test
    void unknownTest_namesTheNearest() {
        assertThatThrownBy(() -> PairedTests.named("wilcoxn"))
                .hasMessage("--test: no test 'wilcoxn'; did you mean 'wilcoxon'? (tests: wilcoxon, paired-t)");
    }

    @Test
    void paretoFront_keepsDuplicates_dropsDominated() {
        // (3, 4) is beaten by (2, 3) on both; the two (2, 3) are equal and both stay.
        double[] x = {1, 2, 3, 4, 2};
        double[] y = {5, 3, 4, 1, 3};
        assertThat(ParetoFront.indices(x, y)).containsExactly(0, 1, 4, 3);
    }

    @Test
    void paretoFront_sameXKeepsOnlyTheLowerY() {
        assertThat(ParetoFront.indices(new double[] {1, 1}, new double[] {2, 1})).containsExactly(1);
    }
}
