package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.SampleResults;
import io.ldist.reports.Variants;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoxPlotChartTest {
    private static final Metric ENERGY = Metrics.named("energyKWh").orElseThrow();

    /** Two policies on three days: few boxes, the case where the mean marks used to stray beside them. */
    private static ResultsTable twoPolicies() {
        return new SampleResults()
                .run("thr-mmt-0.8", "d1", 1, "energyKWh", 150).run("thr-mmt-0.8", "d2", 1, "energyKWh", 180)
                .run("thr-mmt-0.8", "d3", 1, "energyKWh", 200)
                .run("lr-mmt-1.2", "d1", 1, "energyKWh", 130).run("lr-mmt-1.2", "d2", 1, "energyKWh", 150)
                .run("lr-mmt-1.2", "d3", 1, "energyKWh", 170)
                .table();
    }

    private record Drawn(Chart chart, BufferedImage image, ChartRenderingInfo info) {
        /** The areas of the items drawn from dataset {@code index} (0 the boxes, 1 the means), by category. */
        Map<Object, Rectangle2D> areas(int index) {
            CategoryPlot plot = chart.drawing().getCategoryPlot();
            Map<Object, Rectangle2D> areas = new LinkedHashMap<>();
            for (Object entity : info.getEntityCollection().getEntities()) {
                if (entity instanceof CategoryItemEntity item && item.getDataset() == plot.getDataset(index)) {
                    areas.put(item.getColumnKey(), ((ChartEntity) item).getArea().getBounds2D());
                }
            }
            return areas;
        }
    }

    private static Drawn draw(ResultsTable results) {
        Variants variants = new Variants(results);
        Chart chart = BoxPlotChart.of(variants, new PolicyStyle(variants.series()), ENERGY).get(0);
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        BufferedImage image = chart.drawing().createBufferedImage(chart.width(), chart.height(), info);
        return new Drawn(chart, image, info);
    }

    @Test
    void aFarOffPolicy_getsACloserViewWithoutIt_andTwoPoliciesAlone_none() {
        ResultsTable results = new SampleResults()
                .run("thr-mmt-0.8", "d1", 1, "energyKWh", 150).run("thr-mmt-0.8", "d2", 1, "energyKWh", 180)
                .run("lr-mmt-1.2", "d1", 1, "energyKWh", 130).run("lr-mmt-1.2", "d2", 1, "energyKWh", 150)
                .run("mad-mmt-2.5", "d1", 1, "energyKWh", 140).run("mad-mmt-2.5", "d2", 1, "energyKWh", 160)
                .run("dvfs", "d1", 1, "energyKWh", 800).run("dvfs", "d2", 1, "energyKWh", 820)
                .table();
        Variants variants = new Variants(results);

        List<Chart> charts = BoxPlotChart.of(variants, new PolicyStyle(variants.series()), ENERGY);

        assertThat(charts).extracting(Chart::stem).containsExactly("box-energyKWh", "box-energyKWh-closer");
        List<Object> closer = List.copyOf((List<?>) charts.get(1).drawing().getCategoryPlot().getCategories());
        assertThat(closer).containsExactly("thr-mmt-0.8", "lr-mmt-1.2", "mad-mmt-2.5");
        assertThat(charts.get(1).caption()).contains("Without dvfs,");
        Variants two = new Variants(twoPolicies());
        assertThat(BoxPlotChart.of(two, new PolicyStyle(two.series()), ENERGY)).hasSize(1);
    }

    @Test
    void eachMeanSitsOnTheMiddleOfItsBox() {
        Drawn drawn = draw(twoPolicies());

        Map<Object, Rectangle2D> boxes = drawn.areas(0);
        Map<Object, Rectangle2D> means = drawn.areas(1);
        assertThat(boxes.keySet()).containsExactly("thr-mmt-0.8", "lr-mmt-1.2");
        assertThat(means.keySet()).isEqualTo(boxes.keySet());
        for (Object policy : boxes.keySet()) {
            assertThat(means.get(policy).getCenterX()).as("mean of %s", policy)
                    .isCloseTo(boxes.get(policy).getCenterX(), within(1.0));
        }
    }

    @Test
    void boxesNamedOnTheAxis_withoutALegend() {
        Drawn drawn = draw(twoPolicies());
        CategoryPlot plot = drawn.chart().drawing().getCategoryPlot();

        List<Object> categories = List.copyOf((List<?>) plot.getCategories());
        assertThat(categories).containsExactly("thr-mmt-0.8", "lr-mmt-1.2");
        assertThat(plot.getDomainAxis().isVisible()).isTrue();
        assertThat(plot.getDomainAxis().isTickLabelsVisible()).isTrue();
        assertThat(drawn.chart().drawing().getLegend()).isNull();
    }

    @Test
    void whiskerAndMedianAreDark_soTheyShowInGrey() {
        Drawn drawn = draw(twoPolicies());
        Rectangle2D box = drawn.areas(0).get("thr-mmt-0.8");
        int x = (int) Math.round(box.getCenterX());

        // Halfway up the upper whisker (from the third quartile at the box's top towards 200 kWh).
        int whiskerY = (int) Math.round(box.getMinY() - 10);
        // The median, 180 kWh, inside the box: the darkest pixel in the box's middle column.
        int darkest = 255;
        for (int y = (int) box.getMinY() + 3; y < box.getMaxY() - 3; y++) {
            darkest = Math.min(darkest, grey(drawn.image().getRGB(x - 10, y)));
        }
        int whisker = 255;
        for (int dx = -1; dx <= 1; dx++) { // a 1.5-pixel line, smoothed over its neighbours
            whisker = Math.min(whisker, grey(drawn.image().getRGB(x + dx, whiskerY)));
        }
        assertThat(whisker).as("whisker").isLessThan(100);
        assertThat(darkest).as("median line").isLessThan(60);
    }

    private static int grey(int rgb) {
        Color c = new Color(rgb);
        return (int) Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue());
    }
}
