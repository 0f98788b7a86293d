package io.ldist.engine.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ldist.engine.TestFleet;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.registry.PolicyContext;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * The statistics behind the study's detectors and selectors, against values worked out by hand or computed
 * another way: quartiles at the study's positions, median absolute deviation, least squares (commons-math3's
 * simple regression), weighted fits (a least-squares solve of the rows scaled by the square roots of the
 * weights), R-squared with two regressors (from the pairwise correlations), and the VMs MU and MC choose.
 */
class StudyStatisticsTest {
    private static final double EXACT = 1e-12;
    private static final FleetRules DEMAND = new FleetRules(FleetRules.NO_VM_LIMIT, VmSizing.DEMAND);
    private static final HostType HOST = new HostType("g5", 2, 2660, 0, 4096, 1000, 0,
            new PowerCurve(93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135), 0, 0);
    private static final VmType SMALL = new VmType("small", 1, 1000, 0, 1740, 100, 1);
    private static final VmType MICRO = new VmType("micro", 1, 500, 0, 613, 100, 1);

    // ---------------------------------------------------------------- spreads (IQR, MAD)

    @Test
    void iqr_takesTheQuartilesAtRoundedPositionsOfTheSortedSample() {
        // 12 samples: quartiles at positions round(0.25 x 13) = 3 and round(0.75 x 13) = 10 (from 1).
        double[] twelve = {0.60, 0.05, 0.35, 0.10, 0.55, 0.15, 0.50, 0.20, 0.45, 0.25, 0.40, 0.30};
        assertThat(HistoryThresholdOverloadDetector.iqr(twelve)).isCloseTo(0.50 - 0.15, within(EXACT));
        // 13 samples: round(3.5) = 4 and round(10.5) = 11 (halves round up).
        double[] thirteen = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3};
        assertThat(HistoryThresholdOverloadDetector.iqr(thirteen)).isCloseTo(1.1 - 0.4, within(EXACT));
        assertThat(twelve[0]).as("the history itself is left as it was").isEqualTo(0.60);
    }

    @Test
    void mad_isTheMedianOfTheDistancesFromTheMedian() {
        // Median 0.2; distances 0.1 0.1 0 0 0.2 0.4 0.7, whose median is 0.1.
        assertThat(HistoryThresholdOverloadDetector.mad(new double[] {0.1, 0.1, 0.2, 0.2, 0.4, 0.6, 0.9}))
                .isCloseTo(0.1, within(EXACT));
        // Even count: median 2.5, distances 1.5 0.5 0.5 1.5, median 1.0.
        assertThat(HistoryThresholdOverloadDetector.mad(new double[] {4, 1, 3, 2})).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void iqrAndMadDetectors_lowerTheThresholdAsTheLoadVaries() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(HOST, HostState.ACTIVE); // 5320 MIPS
        int vm = fleet.withVmOn(h, SMALL, 3990); // 0.75 of the server now
        // The VM's own history (of its 1000 MIPS, so 1000/5320 of the server's): a steady 1.0, then swinging.
        double[] steady = new double[12];
        java.util.Arrays.fill(steady, 1.0);
        fleet.withHistory(vm, steady);
        PlanningState plan = new PlanningState(fleet, DEMAND, Trigger.TICK);
        OverloadDetector never = (host, p, extra) -> false;
        // No spread: threshold 1 - 2.5 x 0 = 1, and 0.75 is below it.
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.MAD, 2.5, never)
                .isOverloaded(h, plan, -1)).isFalse();

        double[] swinging = {1.0, 0.2, 1.0, 0.2, 1.0, 0.2, 1.0, 0.2, 1.0, 0.2, 1.0, 0.2};
        fleet.withHistory(vm, swinging);
        PlanningState swingingPlan = new PlanningState(fleet, DEMAND, Trigger.TICK);
        // Server history: 1000/5320 or 200/5320; MAD = 400/5320 = 0.0752, threshold 1 - 2.5 x 0.0752 = 0.812.
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.MAD, 2.5, never)
                .isOverloaded(h, swingingPlan, -1)).isFalse();
        // Safety 3.5: 1 - 3.5 x 0.0752 = 0.737 < 0.75.
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.MAD, 3.5, never)
                .isOverloaded(h, swingingPlan, -1)).isTrue();
        // IQR of the same: 800/5320 = 0.150; safety 1.5 gives 0.774 (not overloaded), 1.7 gives 0.744.
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.IQR, 1.5, never)
                .isOverloaded(h, swingingPlan, -1)).isFalse();
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.IQR, 1.7, never)
                .isOverloaded(h, swingingPlan, -1)).isTrue();
    }

    @Test
    void tooLittleHistory_leavesTheDecisionToTheFallback() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        int vm = fleet.withVmOn(h, SMALL, 100);
        fleet.withHistory(vm, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1); // 11 < 12 samples
        PlanningState plan = new PlanningState(fleet, DEMAND, Trigger.TICK);
        OverloadDetector always = (host, p, extra) -> true;
        assertThat(new HistoryThresholdOverloadDetector(HistoryThresholdOverloadDetector.Spread.IQR, 1.5, always)
                .isOverloaded(h, plan, -1)).isTrue();
        fleet.withHistory(vm, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1); // 9 < 10 samples for LR
        PlanningState shorter = new PlanningState(fleet, DEMAND, Trigger.TICK);
        assertThat(new RegressionOverloadDetector(RegressionOverloadDetector.Fit.LEAST_SQUARES, 1.2, always,
                PolicyContext.DEFAULT).isOverloaded(h, shorter, -1)).isTrue();
    }

    // ---------------------------------------------------------------- line fits

    @Test
    void leastSquares_agreesWithCommonsMathsSimpleRegression() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] y = randomSeries(random, 10);
            SimpleRegression reference = new SimpleRegression();
            for (int i = 0; i < y.length; i++) {
                reference.addData(i + 1, y[i]);
            }
            double[] line = LocalRegression.ordinaryLeastSquares(y);
            assertThat(line[0]).isCloseTo(reference.getIntercept(), within(1e-9));
            assertThat(line[1]).isCloseTo(reference.getSlope(), within(1e-9));
        }
    }

    @Test
    void tricubeWeights_fallFromTheNewestSampleToZeroAtTheOldest() {
        double[] w = LocalRegression.tricubeWeights(10);
        assertThat(w[9]).isEqualTo(1.0);
        assertThat(w[8]).isCloseTo(Math.pow(728.0 / 729, 3), within(EXACT)); // (1 - (1/9)^3)^3
        assertThat(w[6]).isCloseTo(17576.0 / 19683, within(EXACT)); // (1 - (1/3)^3)^3 = (26/27)^3
        assertThat(w[0]).isEqualTo(0.0);
    }

    @Test
    void loess_isTheWeightedLeastSquaresLineWithTricubeWeights() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            double[] y = randomSeries(random, 10);
            double[] expected = weightedLine(y, LocalRegression.tricubeWeights(10));
            double[] line = LocalRegression.loess(y);
            assertThat(line[0]).isCloseTo(expected[0], within(1e-9));
            assertThat(line[1]).isCloseTo(expected[1], within(1e-9));
        }
    }

    @Test
    void robustLoess_isOneRefitWithBisquareWeightsOfTheResiduals() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 50; trial++) {
            double[] y = randomSeries(random, 10);
            double[] tricube = LocalRegression.tricubeWeights(10);
            double[] first = weightedLine(y, tricube);
            double[] residuals = new double[10];
            for (int i = 0; i < 10; i++) {
                residuals[i] = Math.abs(y[i] - (first[0] + first[1] * (i + 1)));
            }
            double[] sorted = residuals.clone();
            java.util.Arrays.sort(sorted);
            double sixMedians = 6 * (sorted[4] + sorted[5]) / 2;
            double[] weights = new double[10];
            for (int i = 0; i < 10; i++) {
                double u = residuals[i] / sixMedians;
                weights[i] = tricube[i] * (u < 1 ? (1 - u * u) * (1 - u * u) : 0);
            }
            double[] expected = weightedLine(y, weights);
            double[] line = LocalRegression.robustLoess(y, 1);
            assertThat(line[0]).isCloseTo(expected[0], within(1e-9));
            assertThat(line[1]).isCloseTo(expected[1], within(1e-9));
        }
    }

    @Test
    void robustLoess_bendsLessThanLoessForALoneSpike() {
        // A line 0.30 + 0.02 x with one spike at the eighth sample.
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            y[i] = 0.30 + 0.02 * (i + 1);
        }
        y[7] += 0.5;
        double loessError = Math.abs(LocalRegression.loess(y)[1] - 0.02);
        double robustError = Math.abs(LocalRegression.robustLoess(y, 1)[1] - 0.02);
        assertThat(robustError).isLessThan(loessError / 2);
        // On a perfect line every fit is the line itself.
        double[] line = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        for (double[] fit : new double[][] {LocalRegression.ordinaryLeastSquares(line), LocalRegression.loess(line),
                LocalRegression.robustLoess(line, 1)}) {
            assertThat(fit[0]).isCloseTo(0.0, within(1e-12));
            assertThat(fit[1]).isCloseTo(0.1, within(1e-12));
        }
    }

    @Test
    void regressionDetector_extendsTheLineByTheLongestMigrationInWholeIntervals() {
        // A one-core 1000 MIPS server holding one 1000 MIPS VM: the server's history is the VM's.
        HostType oneCore = new HostType("one-core", 1, 1000, 0, 4096, 1000, 0, new PowerCurve(50, 100), 0, 0);
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(oneCore, HostState.ACTIVE);
        int vm = fleet.withVmOn(h, SMALL, 590);
        // Rising by 0.01 a sample, from 0.50 (oldest) to 0.59 (newest): the line 0.49 + 0.01 x over x = 1..10.
        double[] newestFirst = new double[10];
        for (int age = 0; age < 10; age++) {
            newestFirst[age] = 0.59 - 0.01 * age;
        }
        fleet.withHistory(vm, newestFirst);
        PlanningState plan = new PlanningState(fleet, DEMAND, Trigger.TICK);
        PolicyContext context = PolicyContext.DEFAULT; // 300 s decisions, half the link for migrations
        // 1740 MB over half of 1 Gbit/s takes 27.8 s, so one interval ahead: the line at x = 11 gives 0.60.
        // Overloaded when 0.60 x safety >= 1: safety 1.7 gives 1.02, 1.6 gives 0.96.
        OverloadDetector never = (host, p, extra) -> false;
        for (RegressionOverloadDetector.Fit fit : RegressionOverloadDetector.Fit.values()) {
            assertThat(new RegressionOverloadDetector(fit, 1.7, never, context).isOverloaded(h, plan, -1))
                    .as("%s, safety 1.7", fit).isTrue();
            assertThat(new RegressionOverloadDetector(fit, 1.6, never, context).isOverloaded(h, plan, -1))
                    .as("%s, safety 1.6", fit).isFalse();
        }
        // Decisions every 10 s: the 27.8 s migration is 3 intervals ahead, x = 13 gives 0.62; safety 1.6: 0.992.
        PolicyContext often = new PolicyContext(10, 0.5, 1);
        assertThat(new RegressionOverloadDetector(RegressionOverloadDetector.Fit.LEAST_SQUARES, 1.62, never, often)
                .isOverloaded(h, plan, -1)).isTrue(); // 1.0044
        assertThat(new RegressionOverloadDetector(RegressionOverloadDetector.Fit.LEAST_SQUARES, 1.6, never, often)
                .isOverloaded(h, plan, -1)).isFalse();
    }

    // ---------------------------------------------------------------- selectors

    @Test
    void minimumUtilization_picksTheVmUsingTheLeastOfItsOwnMipsAndTheFirstOnATie() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        fleet.withVmOn(h, SMALL, 500); // 0.5 of its MIPS
        int micro = fleet.withVmOn(h, MICRO, 200); // 0.4
        fleet.withVmOn(h, SMALL, 400); // 0.4, later in the list
        fleet.withVmOn(h, MICRO, 450); // 0.9
        assertThat(new MinimumUtilizationVmSelector().select(h, new PlanningState(fleet, DEMAND, Trigger.TICK)))
                .isEqualTo(micro);
    }

    @Test
    void maximumCorrelation_picksTheVmWhoseHistoryTheOthersExplainBest() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 20; trial++) {
            TestFleet fleet = TestFleet.aFleet();
            int h = fleet.withHost(HOST, HostState.ACTIVE);
            double[][] histories = new double[3][12];
            for (int t = 0; t < 12; t++) {
                histories[0][t] = random.nextDouble();
                histories[1][t] = random.nextDouble();
                // The third follows the first, with noise of a size that varies from trial to trial.
                histories[2][t] = 0.5 * histories[0][t] + random.nextDouble() * 0.4 * trial / 20;
            }
            int[] vms = new int[3];
            for (int i = 0; i < 3; i++) {
                vms[i] = fleet.withVmOn(h, SMALL, 300);
                fleet.withHistory(vms[i], histories[i]);
            }
            int expected = 0;
            double best = Double.MIN_VALUE;
            for (int i = 0; i < 3; i++) {
                double r2 = rSquaredOnTheOtherTwo(i, histories);
                if (r2 > best) {
                    best = r2;
                    expected = i;
                }
            }
            int chosen = new MaximumCorrelationVmSelector(new MinimumMigrationTimeVmSelector())
                    .select(h, new PlanningState(fleet, DEMAND, Trigger.TICK));
            assertThat(chosen).as("trial %d", trial).isEqualTo(vms[expected]);
        }
    }

    @Test
    void maximumCorrelation_withTooLittleHistoryLeavesTheChoiceToTheFallback() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        int a = fleet.withVmOn(h, SMALL, 300);
        int b = fleet.withVmOn(h, MICRO, 300); // least RAM: MMT's choice
        int c = fleet.withVmOn(h, SMALL, 300);
        fleet.withHistory(a, 0.1, 0.2).withHistory(b, 0.3, 0.1).withHistory(c, 0.2, 0.2); // 2 samples, 3 VMs
        assertThat(new MaximumCorrelationVmSelector(new MinimumMigrationTimeVmSelector())
                .select(h, new PlanningState(fleet, DEMAND, Trigger.TICK))).isEqualTo(b);
    }

    // ---------------------------------------------------------------- independent computations

    private static double[] randomSeries(SplittableRandom random, int n) {
        double[] y = new double[n];
        double level = random.nextDouble();
        for (int i = 0; i < n; i++) {
            level = Math.max(0, Math.min(1, level + (random.nextDouble() - 0.5) * 0.3));
            y[i] = random.nextInt(8) == 0 ? Math.min(1, level + 0.4) : level; // a spike now and then
        }
        return y;
    }

    /** Weighted least squares as ordinary least squares of the rows scaled by the square roots of the weights. */
    private static double[] weightedLine(double[] y, double[] weights) {
        int rows = 0;
        for (double w : weights) {
            rows += w > 0 ? 1 : 0;
        }
        double[][] x = new double[rows][2];
        double[] scaledY = new double[rows];
        int r = 0;
        for (int i = 0; i < y.length; i++) {
            if (weights[i] > 0) {
                double s = Math.sqrt(weights[i]);
                x[r][0] = s;
                x[r][1] = s * (i + 1);
                scaledY[r] = s * y[i];
                r++;
            }
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.setNoIntercept(true);
        regression.newSampleData(scaledY, x);
        return regression.estimateRegressionParameters();
    }

    /** R-squared of series i on the other two, from the pairwise correlations. */
    private static double rSquaredOnTheOtherTwo(int i, double[][] series) {
        int j = (i + 1) % 3;
        int k = (i + 2) % 3;
        double ryj = correlation(series[i], series[j]);
        double ryk = correlation(series[i], series[k]);
        double rjk = correlation(series[j], series[k]);
        return (ryj * ryj + ryk * ryk - 2 * ryj * ryk * rjk) / (1 - rjk * rjk);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int t = 0; t < a.length; t++) {
            ma += a[t] / a.length;
            mb += b[t] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int t = 0; t < a.length; t++) {
            sab += (a[t] - ma) * (b[t] - mb);
            saa += (a[t] - ma) * (a[t] - ma);
            sbb += (b[t] - mb) * (b[t] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
