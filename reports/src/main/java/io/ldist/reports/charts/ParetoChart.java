package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.ParetoFront;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Every run as a point, one metric to minimise against another (energy against SLA violation), with the
 * runs no other run beats on both joined by a line: the Pareto front.
 */
public final class ParetoChart {
    private ParetoChart() {
    }

    public static Chart of(Variants variants, PolicyStyle style, Metric x, Metric y) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<double[]> points = new ArrayList<>();
        for (String policy : style.policies()) {
            XYSeries series = new XYSeries(policy, false, true);
            for (ResultsTable.Row row : variants.rowsOfSeries(policy)) {
                double xv = row.metric(x.name()) * x.scale();
                double yv = row.metric(y.name()) * y.scale();
                if (Double.isFinite(xv) && Double.isFinite(yv)) {
                    series.add(xv, yv);
                    points.add(new double[] {xv, yv});
                }
            }
            data.addSeries(series);
        }
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        XYSeries front = new XYSeries("Pareto front", false, true);
        for (int i : ParetoFront.indices(xs, ys)) {
            front.add(xs[i], ys[i]);
        }
        data.addSeries(front);

        NumberAxis xAxis = new NumberAxis(Labels.axis(x));
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = new NumberAxis(Labels.axis(y));
        yAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        String title = Labels.title(y) + " against " + x.label() + ", every run";
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int s = 0; s < style.policies().size(); s++) {
            String policy = style.policies().get(s);
            renderer.setSeriesPaint(s, style.colour(policy));
            renderer.setSeriesShape(s, style.marker(policy));
        }
        int f = style.policies().size();
        renderer.setSeriesLinesVisible(f, true);
        renderer.setSeriesShapesFilled(f, false);
        renderer.setSeriesShape(f, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesPaint(f, Color.DARK_GRAY);
        renderer.setSeriesStroke(f, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4f, 3f}, 0f));
        String caption = "Each point is one run (one policy on one day and seed, at one value of a swept parameter). Lower is better on both axes: "
                + "the runs circled and joined by the dashed line form the Pareto front, the runs that no other run "
                + "beats on both " + x.label() + " and " + y.label() + ".";
        return new Chart("pareto-" + x.name() + "-" + y.name(), title, caption,
                chart, 900, 600);
    }
}
