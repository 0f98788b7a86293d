package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.Variant;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.FarOffGroups;
import io.ldist.reports.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Polygon;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric's spread per policy over the runs (days and seeds): the box spans the quartiles, the line in it
 * is the median, the diamond the mean, and the whiskers reach the lowest and highest run. Each box is a category
 * of its own, named on the axis, so the mean (drawn by a second renderer: JFreeChart's own mean mark grows with
 * the box) sits on the middle of its box however narrow the box is kept; several boxes per category would be
 * offset by their series while the mean marks ignore the cap on box width. Outlines, whiskers and medians are
 * drawn dark, so that the boxes read in grey print too. (With a handful of runs per policy, a run drawn apart
 * as an outlier would say little.)
 */
public final class BoxPlotChart {
    private static final String RUNS = "runs";

    private BoxPlotChart() {
    }

    /**
     * The metric's box plot and, when a few policies lie so far off that the others' boxes are squeezed into
     * less than a third of the axis (as for the Pareto chart: {@link FarOffGroups}), a second one without them.
     */
    public static List<Chart> of(Variants variants, PolicyStyle style, Metric metric) {
        List<Chart> charts = new ArrayList<>();
        charts.add(draw(variants, style, metric, variants.all(), List.of()));
        List<String> series = style.policies();
        List<double[][]> groups = new ArrayList<>();
        for (String s : series) {
            double[] values = values(variants.rowsOfSeries(s), metric);
            groups.add(new double[][] {values, new double[values.length]});
        }
        List<String> farOff = FarOffGroups.of(groups).stream().map(series::get).toList();
        if (!farOff.isEmpty()) {
            List<Variant> closer = variants.all().stream().filter(v -> !farOff.contains(v.series())).toList();
            charts.add(draw(variants, style, metric, closer, farOff));
        }
        return charts;
    }

    private static double[] values(List<ResultsTable.Row> rows, Metric metric) {
        return rows.stream().mapToDouble(r -> r.metric(metric.name()) * metric.scale()).filter(Double::isFinite)
                .toArray();
    }

    private static Chart draw(Variants variants, PolicyStyle style, Metric metric, List<Variant> boxes,
                              List<String> leftOut) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        for (Variant variant : boxes) {
            double[] values = values(variants.rowsOf(variant), metric);
            Summary summary = Summary.of(values);
            data.add(item(summary), RUNS, name(variant));
            means.addValue(summary.n() == 0 ? null : summary.mean(), RUNS, name(variant));
        }
        BoxAndWhiskerRenderer renderer = new PolicyBoxRenderer(boxes, style);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setFillBox(true);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setMaximumBarWidth(0.12);
        renderer.setArtifactPaint(Color.BLACK);
        renderer.setDefaultStroke(new BasicStroke(1.5f));
        renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        ReadableNumberAxis axis = new ReadableNumberAxis(Labels.axis(metric), metric.decimals());
        CategoryAxis names = new CategoryAxis(variants.swept() ? "policy and " + variants.parameterLabel() : null);
        names.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(data, names, axis, renderer);
        LineAndShapeRenderer meanMarks = new LineAndShapeRenderer(false, true);
        meanMarks.setSeriesShape(0, new Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4));
        meanMarks.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        meanMarks.setUseOutlinePaint(true);
        meanMarks.setDrawOutlines(true);
        meanMarks.setUseFillPaint(false);
        meanMarks.setSeriesShapesFilled(0, true);
        plot.setDataset(1, means);
        plot.setRenderer(1, meanMarks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the means over their boxes
        String title = Labels.title(metric) + " per policy" + (variants.swept() ? " and "
                + variants.parameterLabel() : "") + (leftOut.isEmpty() ? "" : ", closer");
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        // After the theme, which resets series paints (the boxes take theirs from the renderer's override).
        meanMarks.setSeriesPaint(0, Color.WHITE);
        meanMarks.setSeriesOutlinePaint(0, Color.BLACK);
        String caption = metric.definition() + " One box per policy over its runs: from the first to the third "
                + "quartile, the median as a line, the mean as a diamond, whiskers to the lowest and highest run.";
        if (!leftOut.isEmpty()) {
            caption += " Without " + String.join(", ", leftOut) + ", whose runs lie so far from the others' that "
                    + "they squeeze them (the chart above has every policy).";
        }
        return new Chart("box-" + metric.name() + (leftOut.isEmpty() ? "" : "-closer"), title, caption, chart, 900,
                420);
    }

    /** The box's name on the axis: the policy, and in a sweep the value on a second line. */
    private static String name(Variant variant) {
        return variant.value().isEmpty() ? variant.series() : variant.series() + "\n" + variant.value();
    }

    private static BoxAndWhiskerItem item(Summary s) {
        if (s.n() == 0) {
            return new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of());
        }
        return new BoxAndWhiskerItem(s.mean(), s.median(), s.q1(), s.q3(), s.min(), s.max(), s.min(), s.max(),
                List.of());
    }

    /** Each box filled in its policy's colour (light, so the median shows), outlined and whiskered in a dark one. */
    private static final class PolicyBoxRenderer extends BoxAndWhiskerRenderer {
        private final transient List<Variant> boxes;
        private final transient PolicyStyle style;

        PolicyBoxRenderer(List<Variant> boxes, PolicyStyle style) {
            this.boxes = boxes;
            this.style = style;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Color c = style.colour(boxes.get(column).series());
            return new Color(c.getRed(), c.getGreen(), c.getBlue(), 120);
        }

        @Override
        public Paint getItemOutlinePaint(int row, int column) {
            Color c = style.colour(boxes.get(column).series());
            return new Color(c.getRed() / 3, c.getGreen() / 3, c.getBlue() / 3);
        }
    }
}
