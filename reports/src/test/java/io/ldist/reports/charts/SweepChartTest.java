package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.SampleResults;
import io.ldist.reports.Variants;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SweepChartTest {
    private static final Metric P95 = Metrics.named("p95WaitS").orElseThrow();

    /** thr-mmt at three thresholds on three days; at 0.7 the waits are 0, 0 and 30 s: a t-interval below 0. */
    private static ResultsTable sweep(String parameter, String... values) {
        SampleResults results = new SampleResults();
        double[][] waits = {{10, 12, 14}, {0, 0, 30}, {40, 45, 50}};
        for (int v = 0; v < values.length; v++) {
            for (int day = 0; day < 3; day++) {
                results.sweptRun("thr-mmt", parameter, values[v], "d" + day, 1, "p95WaitS", waits[v][day]);
            }
        }
        return results.table();
    }

    private static Chart chart(ResultsTable results, String unit) {
        Variants variants = new Variants(results);
        return SweepChart.of(variants, new PolicyStyle(variants.series()), P95, unit);
    }

    @Test
    void parameterNamedForReaders_tickedAtTheSweptValues() {
        ChartDrawing drawn = ChartDrawing.of(chart(sweep("policies.overload.threshold", "0.6", "0.7", "1.0"), ""));
        XYPlot plot = drawn.chart().drawing().getXYPlot();

        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("overload threshold");
        assertThat(drawn.tickLabels(plot.getDomainAxis(), RectangleEdge.BOTTOM)).containsExactly("0.6", "0.7", "1.0");
    }

    @Test
    void aKnownUnit_followsTheName() {
        Chart chart = chart(sweep("decisionInterval", "60", "300", "600"), "s");

        assertThat(chart.drawing().getXYPlot().getDomainAxis().getLabel()).isEqualTo("decision interval (s)");
    }

    @Test
    void confidenceBandOfAWait_stopsAtZero() {
        IntervalXYDataset data = (IntervalXYDataset) chart(sweep("policies.overload.threshold", "0.6", "0.7",
                "1.0"), "").drawing().getXYPlot().getDataset();

        // At 0.7: mean 10, sd sqrt(300) = 17.32, t(0.975, 2) = 4.3027: 10 - 43.03 would be -33.
        assertThat(data.getYValue(0, 1)).isEqualTo(10.0);
        assertThat(data.getStartYValue(0, 1)).isZero();
        assertThat(data.getEndYValue(0, 1)).isCloseTo(10 + 4.3026527 * Math.sqrt(300) / Math.sqrt(3),
                org.assertj.core.api.Assertions.within(1e-4));
        assertThat(data.getStartYValue(0, 0)).isGreaterThan(0);
    }
}
