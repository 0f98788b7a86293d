package io.ldist.reports.charts;

import io.ldist.engine.util.Numbers;
import io.ldist.reports.Metric;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A swept parameter against one metric: per policy, the mean over days and seeds at each value, joined by a
 * line, in a band that is the 95 % confidence interval of that mean (no band where a value has one run), on an
 * axis ticked at the values swept.
 */
public final class SweepChart {
    private SweepChart() {
    }

    /** @param unit the parameter's unit, "" when it has none or none is known */
    public static Chart of(Variants variants, PolicyStyle style, Metric metric, String unit) {
        String parameter = variants.parameterLabel();
        Map<Double, String> swept = new LinkedHashMap<>();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String policy : style.policies()) {
            TreeMap<Double, List<ResultsTable.Row>> byValue = new TreeMap<>();
            for (ResultsTable.Row row : variants.rowsOfSeries(policy)) {
                double value = Double.parseDouble(row.value());
                swept.putIfAbsent(value, row.value());
                byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(row);
            }
            YIntervalSeries series = new YIntervalSeries(policy);
            byValue.forEach((value, rows) -> {
                Summary s = Summary.of(rows.stream().mapToDouble(r -> r.metric(metric.name()) * metric.scale())
                        .toArray());
                if (s.n() > 0) {
                    double half = Double.isNaN(s.ciHalfWidth()) ? 0 : s.ciHalfWidth();
                    // The interval of a mean that cannot be negative is cut at the least value possible.
                    double low = Math.max(s.mean() - half, metric.lowestPossible() * metric.scale());
                    series.add(value, s.mean(), low, s.mean() + half);
                }
            });
            data.addSeries(series);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        SweptValuesAxis x = new SweptValuesAxis(unit.isEmpty() ? parameter : parameter + " (" + unit + ")", swept);
        ReadableNumberAxis y = new ReadableNumberAxis(Labels.axis(metric), metric.decimals());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = Labels.title(metric) + " against " + parameter;
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int s = 0; s < style.policies().size(); s++) {
            String policy = style.policies().get(s);
            renderer.setSeriesPaint(s, style.colour(policy));
            renderer.setSeriesFillPaint(s, style.colour(policy));
            renderer.setSeriesStroke(s, style.line(policy));
            renderer.setSeriesShape(s, style.marker(policy));
        }
        String caption = "Mean " + metric.label() + " over days and seeds at each value of " + parameter + " ("
                + variants.parameter() + "), one line per policy; the shaded band is the 95 % confidence interval "
                + "of the mean, cut at the least value possible (no metric here can be negative).";
        return new Chart("sweep-" + metric.name(), title, caption, chart, 900, 520);
    }

    /** Whether every run's swept value is a number, so the parameter can be an axis. */
    public static boolean numeric(ResultsTable results) {
        return results.rows().stream().allMatch(r -> Numbers.parse(r.value()).isPresent());
    }

}
