package io.ldist.reports.stats;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsProperties {

    @Property(tries = 300)
    void paretoFront_isExactlyThePointsNoneDominates(
            @ForAll @Size(max = 30) List<@DoubleRange(min = 0, max = 5) Double> xs,
            @ForAll @Size(max = 30) List<@DoubleRange(min = 0, max = 5) Double> ys) {
        int n = Math.min(xs.size(), ys.size());
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.rint(xs.get(i)); // few distinct values, so ties and duplicates are common
            y[i] = Math.rint(ys.get(i));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int j = 0; j < n; j++) {
                dominated |= x[j] <= x[i] && y[j] <= y[i] && (x[j] < x[i] || y[j] < y[i]);
            }
            if (!dominated) {
                expected.add(i);
            }
        }
        int[] front = ParetoFront.indices(x, y);
        assertThat(front).containsExactlyInAnyOrder(expected.stream().mapToInt(Integer::intValue).toArray());
        for (int k = 1; k < front.length; k++) {
            assertThat(x[front[k]]).isGreaterThanOrEqualTo(x[front[k - 1]]);
        }
    }

    @Property(tries = 300)
    void summary_isOrderedAndItsIntervalHoldsTheMean(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
        Summary s = Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(s.min()).isLessThanOrEqualTo(s.q1());
        assertThat(s.q1()).isLessThanOrEqualTo(s.median());
        assertThat(s.median()).isLessThanOrEqualTo(s.q3());
        assertThat(s.q3()).isLessThanOrEqualTo(s.max());
        assertThat(s.mean()).isBetween(s.min() - 1e-6, s.max() + 1e-6);
        if (s.n() > 1) {
            assertThat(s.ciLow()).isLessThanOrEqualTo(s.mean());
            assertThat(s.ciHigh()).isGreaterThanOrEqualTo(s.mean());
        }
    }

    @Property(tries = 200)
    void pValues_areProbabilities_andSymmetric(
            @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = 0, max = 100) Double> as,
            @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = 0, max = 100) Double> bs) {
        int n = Math.min(as.size(), bs.size());
        double[] a = as.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = bs.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
        for (String name : PairedTests.names()) {
            double p = PairedTests.named(name).pValue(a, b);
            if (!Double.isNaN(p)) {
                assertThat(p).as(name).isBetween(0.0, 1.0);
                assertThat(PairedTests.named(name).pValue(b, a)).as(name + " swapped").isCloseTo(p,
                        org.assertj.core.api.Assertions.within(1e-9));
                PairedTest test = PairedTests.named(name);
                assertThat(p).as(name + " at least its least possible p")
                        .isGreaterThanOrEqualTo(test.leastPossiblePValue(test.pairsCounted(a, b)) * (1 - 1e-9));
            }
        }
    }
}
