package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.SampleResults;
import io.ldist.reports.Variants;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.util.ShapeUtils;
import org.junit.jupiter.api.Test;

import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoChartTest {
    private static final Metric ENERGY = Metrics.named("energyKWh").orElseThrow();
    private static final Metric SLAV = Metrics.named("slav").orElseThrow();

    /** Five consolidating policies at 130-270 kWh and SLAV 2.3e-5 to 4.8e-5 (a fraction), and dvfs far off. */
    private static ResultsTable study(boolean withDvfs) {
        SampleResults results = new SampleResults();
        String[] policies = {"thr-mmt-0.8", "iqr-mmt-1.5", "mad-mmt-2.5", "lr-mmt-1.2", "lrr-mmt-1.2"};
        for (int p = 0; p < policies.length; p++) {
            for (int day = 0; day < 3; day++) {
                results.run(policies[p], "d" + day, 1, "energyKWh", 130 + 45 * day + 5 * p,
                        "slav", 0.000023 + 0.000005 * p + 0.000002 * day);
            }
        }
        if (withDvfs) {
            for (int day = 0; day < 3; day++) {
                results.run("dvfs", "d" + day, 1, "energyKWh", 700 + 100 * day, "slav", 0);
            }
        }
        return results.table();
    }

    private static List<Chart> charts(ResultsTable results) {
        Variants variants = new Variants(results);
        return ParetoChart.of(variants, new PolicyStyle(variants.series()), ENERGY, SLAV);
    }

    @Test
    void slavTicks_fewAndWrittenAsTheTableWritesThem() {
        ChartDrawing drawn = ChartDrawing.of(charts(study(false)).get(0));
        XYPlot plot = drawn.chart().drawing().getXYPlot();

        List<String> labels = drawn.tickLabels(plot.getRangeAxis(), RectangleEdge.LEFT);

        // SLAV 0.0023 to 0.0048 % in steps of 0.0005: no "2.5E-3", no more than ten ticks.
        assertThat(labels).isNotEmpty().hasSizeLessThanOrEqualTo(10).contains("0.0030", "0.0040")
                .allSatisfy(label -> assertThat(label).matches("0\\.00\\d\\d"));
        assertThat(drawn.tickLabels(plot.getDomainAxis(), RectangleEdge.BOTTOM))
                .hasSizeLessThanOrEqualTo(10).contains("140", "200").allSatisfy(l -> assertThat(l).doesNotContain("E"));
    }

    @Test
    void aFarOffPolicy_getsACloserViewWithoutIt() {
        List<Chart> charts = charts(study(true));

        assertThat(charts).extracting(Chart::stem)
                .containsExactly("pareto-energyKWh-slav", "pareto-energyKWh-slav-closer");
        Chart closer = charts.get(1);
        assertThat(closer.title()).isEqualTo("SLAV against energy, without dvfs");
        assertThat(closer.caption()).contains("dvfs: energy 700.00 to 900.00 kWh, SLAV 0.000000 %");
        XYPlot plot = closer.drawing().getXYPlot();
        assertThat(plot.getDomainAxis().getUpperBound()).isLessThan(300);
        assertThat(plot.getRangeAxis().getLowerBound()).isGreaterThan(0.002);
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertThat(legend).doesNotContain("dvfs").contains("thr-mmt-0.8", "Pareto front");
    }

    @Test
    void noPolicyFarOff_oneChart() {
        assertThat(charts(study(false))).hasSize(1);
    }

    @Test
    void everyPolicyOfNine_hasItsOwnMarkerShape() {
        List<String> policies = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        PolicyStyle style = new PolicyStyle(policies);
        for (int i = 0; i < policies.size(); i++) {
            for (int j = i + 1; j < policies.size(); j++) {
                Shape one = style.marker(policies.get(i));
                Shape other = style.marker(policies.get(j));
                assertThat(ShapeUtils.equal(one, other)).as("%s and %s", policies.get(i), policies.get(j)).isFalse();
            }
        }
    }
}
