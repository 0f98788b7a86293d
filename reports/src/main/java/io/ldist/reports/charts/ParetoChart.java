package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.FarOffGroups;
import io.ldist.reports.stats.ParetoFront;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Every run as a point, one metric to minimise against another (energy against SLA violation), with the
 * runs no other run beats on both joined by a line: the Pareto front. When a few policies lie so far off that
 * the others crowd into a corner (DVFS uses four times the energy of consolidating policies), a second chart
 * shows the others closer, still with the front of every run; a log axis would not do, as a policy without
 * migrations has a SLAV of 0.
 */
public final class ParetoChart {
    private static final double MARGIN = 0.05;

    private final PolicyStyle style;
    private final Metric x;
    private final Metric y;
    /** Per policy of the style, its runs' points as {x values, y values}, scaled for display. */
    private final List<double[][]> points = new ArrayList<>();
    /** Per policy, its runs' values of the swept parameter, in the order of {@link #points} ("" without a sweep). */
    private final List<List<String>> sweptValues = new ArrayList<>();
    /** The swept parameter's name for captions, or null without a sweep. */
    private final String swept;

    private ParetoChart(Variants variants, PolicyStyle style, Metric x, Metric y) {
        this.style = style;
        this.x = x;
        this.y = y;
        this.swept = variants.swept() ? variants.parameterLabel() : null;
        for (String policy : style.policies()) {
            List<double[]> runs = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (ResultsTable.Row row : variants.rowsOfSeries(policy)) {
                double xv = row.metric(x.name()) * x.scale();
                double yv = row.metric(y.name()) * y.scale();
                if (Double.isFinite(xv) && Double.isFinite(yv)) {
                    runs.add(new double[] {xv, yv});
                    values.add(row.value());
                }
            }
            sweptValues.add(values);
            points.add(new double[][] {runs.stream().mapToDouble(p -> p[0]).toArray(),
                runs.stream().mapToDouble(p -> p[1]).toArray()});
        }
    }

    /** The chart of every run, and the closer view when some policies squeeze the others. */
    public static List<Chart> of(Variants variants, PolicyStyle style, Metric x, Metric y) {
        ParetoChart pareto = new ParetoChart(variants, style, x, y);
        List<Chart> charts = new ArrayList<>(List.of(pareto.everyRun()));
        List<Integer> farOff = FarOffGroups.of(pareto.points);
        if (!farOff.isEmpty()) {
            charts.add(pareto.without(farOff));
        }
        return charts;
    }

    private Chart everyRun() {
        String title = Labels.title(y) + " against " + x.label() + ", every run";
        String caption = "Each point is one run (one policy on one day and seed, at one value of a swept "
                + "parameter). Lower is better on both axes: the runs circled and joined by the dashed line form the "
                + "Pareto front, the runs that no other run beats on both " + x.label() + " and " + y.label() + "."
                + frontLabelsSaid();
        return new Chart("pareto-" + x.name() + "-" + y.name(), title, caption, draw(title, List.of()), 900, 600);
    }

    private Chart without(List<Integer> farOff) {
        List<String> names = farOff.stream().map(i -> style.policies().get(i)).toList();
        String title = Labels.title(y) + " against " + x.label() + ", without " + String.join(", ", names);
        StringBuilder where = new StringBuilder();
        for (int i : farOff) {
            where.append(where.length() == 0 ? "" : "; ").append(style.policies().get(i)).append(": ")
                    .append(span(x, points.get(i)[0])).append(", ").append(span(y, points.get(i)[1]));
        }
        String caption = "The same runs without " + String.join(", ", names) + ", whose runs lie far from the others ("
                + where + ") and would crowd them into a corner. The dashed line is still the front of every run, "
                + "theirs included." + frontLabelsSaid();
        return new Chart("pareto-" + x.name() + "-" + y.name() + "-closer", title, caption, draw(title, farOff),
                900, 600);
    }

    private String frontLabelsSaid() {
        return swept == null ? "" : " Each run on the front is labelled with its value of " + swept + ".";
    }

    /** "energy 780.12 to 880.40 kWh", or one value when all are alike. */
    private static String span(Metric metric, double[] values) {
        double low = java.util.Arrays.stream(values).min().orElse(Double.NaN);
        double high = java.util.Arrays.stream(values).max().orElse(Double.NaN);
        String unit = metric.unit().isEmpty() ? "" : " " + metric.unit();
        return metric.label() + " " + metric.format(low / metric.scale())
                + (low == high ? "" : " to " + metric.format(high / metric.scale())) + unit;
    }

    private JFreeChart draw(String title, List<Integer> leftOut) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<double[]> all = new ArrayList<>();
        List<String> allValues = new ArrayList<>();
        for (int s = 0; s < points.size(); s++) {
            XYSeries series = new XYSeries(style.policies().get(s), false, true);
            double[][] p = points.get(s);
            for (int i = 0; i < p[0].length; i++) {
                all.add(new double[] {p[0][i], p[1][i]});
                allValues.add(sweptValues.get(s).get(i));
                if (!leftOut.contains(s)) {
                    series.add(p[0][i], p[1][i]);
                }
            }
            data.addSeries(series);
        }
        double[] xs = all.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = all.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries front = new XYSeries("Pareto front", false, true);
        List<String> frontValues = new ArrayList<>();
        for (int i : ParetoFront.indices(xs, ys)) {
            front.add(xs[i], ys[i]);
            frontValues.add(allValues.get(i));
        }
        data.addSeries(front);

        ReadableNumberAxis xAxis = new ReadableNumberAxis(Labels.axis(x), x.decimals());
        ReadableNumberAxis yAxis = new ReadableNumberAxis(Labels.axis(y), y.decimals());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        if (!leftOut.isEmpty()) { // the front reaches the runs left out: scale to the runs shown
            xAxis.setRange(padded(kept(0, leftOut)));
            yAxis.setRange(padded(kept(1, leftOut)));
        }
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int s = 0; s < style.policies().size(); s++) {
            String policy = style.policies().get(s);
            renderer.setSeriesPaint(s, style.colour(policy));
            renderer.setSeriesShape(s, style.marker(policy));
            renderer.setSeriesOutlinePaint(s, Color.BLACK);
            renderer.setSeriesVisibleInLegend(s, !leftOut.contains(s));
        }
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        int f = style.policies().size();
        renderer.setSeriesLinesVisible(f, true);
        renderer.setSeriesShapesFilled(f, false);
        renderer.setSeriesShape(f, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesPaint(f, Color.DARK_GRAY);
        renderer.setSeriesOutlinePaint(f, Color.DARK_GRAY);
        renderer.setSeriesStroke(f, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 3f}, 0f));
        if (swept != null) { // which value of the sweep each best trade-off is
            renderer.setSeriesItemLabelGenerator(f, (dataset, series, item) -> frontValues.get(item));
            renderer.setSeriesItemLabelsVisible(f, true);
            renderer.setSeriesItemLabelFont(f, ReportTheme.LABEL_FONT);
            renderer.setSeriesPositiveItemLabelPosition(f, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE1,
                    TextAnchor.BOTTOM_LEFT));
            renderer.setItemLabelAnchorOffset(6); // clear of the front's circle
        }
        return chart;
    }

    /** The values on one axis (0: x, 1: y) of the policies shown. */
    private double[] kept(int axis, List<Integer> leftOut) {
        List<Double> values = new ArrayList<>();
        for (int s = 0; s < points.size(); s++) {
            if (!leftOut.contains(s)) {
                for (double v : points.get(s)[axis]) {
                    values.add(v);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Range padded(double[] values) {
        double low = java.util.Arrays.stream(values).min().orElseThrow();
        double high = java.util.Arrays.stream(values).max().orElseThrow();
        double pad = high > low ? (high - low) * MARGIN : Math.max(Math.abs(low) * MARGIN, 1e-9);
        return new Range(low - pad, high + pad);
    }
}
