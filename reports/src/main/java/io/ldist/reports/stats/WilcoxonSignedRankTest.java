package io.ldist.reports.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

import java.util.Arrays;

/**
 * Wilcoxon's signed-rank test. Pairs with no difference are dropped first, as Wilcoxon defined it; tied
 * differences share their average rank. Up to {@value #EXACT_UP_TO} pairs the p-value is exact: the
 * distribution of the positive rank sum over all sign patterns, counted by dynamic programming on doubled ranks
 * (so it stays exact with ties); above, the normal approximation with the tie correction and a continuity
 * correction. (commons-math3 3.6.1 enumerates all 2^n patterns, which takes minutes at n = 30, and its
 * two-sided p-value can exceed 1.)
 */
public final class WilcoxonSignedRankTest implements PairedTest {
    static final int EXACT_UP_TO = 50;

    @Override
    public String name() {
        return "wilcoxon";
    }

    @Override
    public double pValue(double[] a, double[] b) {
        double[] differences = differences(a, b);
        int n = differences.length;
        if (a.length < 2 || n == 0) {
            return Double.NaN;
        }
        double[] magnitudes = Arrays.stream(differences).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(magnitudes);
        int[] doubled = new int[n];
        int positiveSum = 0;
        for (int i = 0; i < n; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            if (differences[i] > 0) {
                positiveSum += doubled[i];
            }
        }
        return n <= EXACT_UP_TO ? exact(doubled, positiveSum) : normal(ranks, positiveSum / 2.0);
    }

    @Override
    public int pairsCounted(double[] a, double[] b) {
        return differences(a, b).length;
    }

    /** The differences of the pairs that differ: Wilcoxon's test leaves pairs without a difference out. */
    private static double[] differences(double[] a, double[] b) {
        Pairs.check(a, b);
        double[] differences = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                differences[n++] = a[i] - b[i];
            }
        }
        return Arrays.copyOf(differences, n);
    }

    /**
     * Every difference of one sign: exactly 2 / 2^n, the one sign pattern at each extreme (ties change nothing
     * there); above {@value #EXACT_UP_TO} pairs, the normal approximation of that pattern without ties.
     */
    @Override
    public double leastPossiblePValue(int pairs) {
        if (pairs < 1) {
            return Double.NaN;
        }
        if (pairs <= EXACT_UP_TO) {
            return Math.min(1, 2 / Math.pow(2, pairs));
        }
        double[] ranks = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            ranks[i] = i + 1;
        }
        return normal(ranks, pairs * (pairs + 1) / 2.0);
    }

    /** Two-sided: twice the smaller tail at the observed sum, at most 1. */
    private static double exact(int[] doubledRanks, int observed) {
        int total = Arrays.stream(doubledRanks).sum();
        double[] ways = new double[total + 1]; // ways[s]: sign patterns whose positive ranks sum to s
        ways[0] = 1;
        int reach = 0;
        for (int r : doubledRanks) {
            reach += r;
            for (int s = reach; s >= r; s--) {
                ways[s] += ways[s - r];
            }
        }
        double patterns = Math.pow(2, doubledRanks.length);
        double lower = 0;
        double upper = 0;
        for (int s = 0; s <= total; s++) {
            if (s <= observed) {
                lower += ways[s];
            }
            if (s >= observed) {
                upper += ways[s];
            }
        }
        return Math.min(1, 2 * Math.min(lower, upper) / patterns);
    }

    private static double normal(double[] ranks, double positiveSum) {
        int n = ranks.length;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieCorrection(ranks) / 48.0;
        double z = Math.max(0, Math.abs(positiveSum - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1, 2 * (1 - new NormalDistribution().cumulativeProbability(z)));
    }

    /** The sum of t^3 - t over groups of t tied ranks. */
    private static double tieCorrection(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double correction = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            correction += t * t * t - t;
            i = j;
        }
        return correction;
    }
}
