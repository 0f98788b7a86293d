package io.ldist.reports.stats;

import org.apache.commons.math3.stat.inference.TTest;

/** Student's paired t-test, from commons-math3: assumes the differences are roughly normal. */
public final class PairedTTest implements PairedTest {
    @Override
    public String name() {
        return "paired-t";
    }

    @Override
    public double pValue(double[] a, double[] b) {
        Pairs.check(a, b);
        if (a.length < 2) {
            return Double.NaN;
        }
        boolean anyDifference = false;
        boolean differencesVary = false;
        for (int i = 0; i < a.length; i++) {
            anyDifference |= a[i] != b[i];
            differencesVary |= (a[i] - b[i]) != (a[0] - b[0]);
        }
        if (!anyDifference) {
            return Double.NaN;
        }
        if (!differencesVary) {
            return 0; // every pair differs by the same amount: no spread, the difference is certain
        }
        return new TTest().pairedTTest(a, b);
    }

    @Override
    public int pairsCounted(double[] a, double[] b) {
        Pairs.check(a, b);
        return a.length;
    }

    /** Any p-value: t grows without bound as the differences agree. */
    @Override
    public double leastPossiblePValue(int pairs) {
        return pairs < 2 ? Double.NaN : 0;
    }
}
