package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.Variant;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;

import java.awt.Polygon;
import java.awt.Shape;

import java.util.List;

/**
 * One metric's spread per policy over the runs (days and seeds): the box spans the quartiles, the line in it
 * is the median, the diamond the mean, and the whiskers reach the lowest and highest run. (With a handful of
 * runs per policy, a run drawn apart as an outlier would say little; JFreeChart's own mean and outlier marks
 * also grow with the box width, so the mean is drawn by a second renderer.)
 */
public final class BoxPlotChart {
    private BoxPlotChart() {
    }

    public static Chart of(Variants variants, PolicyStyle style, Metric metric) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        for (Variant variant : variants.all()) {
            double[] values = variants.rowsOf(variant).stream()
                    .mapToDouble(r -> r.metric(metric.name()) * metric.scale()).filter(Double::isFinite).toArray();
            Summary summary = Summary.of(values);
            data.add(item(summary), variant.series(), variant.value());
            means.addValue(summary.n() == 0 ? null : summary.mean(), variant.series(), variant.value());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setItemMargin(0.15);
        NumberAxis axis = new NumberAxis(Labels.axis(metric));
        axis.setAutoRangeIncludesZero(false);
        CategoryAxis values = new CategoryAxis(variants.parameter());
        CategoryPlot plot = new CategoryPlot(data, values, axis, renderer);
        LineAndShapeRenderer meanMarks = new LineAndShapeRenderer(false, true);
        meanMarks.setUseSeriesOffset(true);
        meanMarks.setItemMargin(renderer.getItemMargin());
        plot.setDataset(1, means);
        plot.setRenderer(1, meanMarks);
        String title = Labels.title(metric) + " per policy" + (variants.swept() ? " and " + variants.parameter() : "");
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int s = 0; s < style.policies().size(); s++) {
            String policy = style.policies().get(s);
            java.awt.Color colour = style.colour(policy);
            renderer.setSeriesPaint(s, new java.awt.Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
            renderer.setSeriesOutlinePaint(s, colour);
        }
        renderer.setDefaultOutlinePaint(java.awt.Color.BLACK);
        Shape diamond = new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4);
        for (int s = 0; s < style.policies().size(); s++) {
            meanMarks.setSeriesPaint(s, java.awt.Color.WHITE);
            meanMarks.setSeriesOutlinePaint(s, java.awt.Color.BLACK);
            meanMarks.setSeriesShape(s, diamond);
            meanMarks.setSeriesVisibleInLegend(s, false);
        }
        meanMarks.setUseOutlinePaint(true);
        meanMarks.setDrawOutlines(true);
        meanMarks.setUseFillPaint(false);
        String caption = metric.definition() + " One box per policy over its runs: from the first to the third "
                + "quartile, the median as a line, the mean as a diamond, whiskers to the lowest and highest run.";
        return new Chart("box-" + metric.name(), title, caption, chart, 900, 420);
    }

    private static BoxAndWhiskerItem item(Summary s) {
        if (s.n() == 0) {
            return new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of());
        }
        return new BoxAndWhiskerItem(s.mean(), s.median(), s.q1(), s.q3(), s.min(), s.max(), s.min(), s.max(),
                List.of());
    }
}
