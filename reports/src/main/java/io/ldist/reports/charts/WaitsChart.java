package io.ldist.reports.charts;

import io.ldist.reports.RunWaits;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution of task waits that counts every arrived task: for each policy, the share of its tasks that
 * started within a wait, pooled over its days and seeds. Dropped tasks, and tasks still waiting at the end, never
 * start, so each curve tops out at the share that started: the gap above it is what the waits alone leave out.
 */
public final class WaitsChart {
    private WaitsChart() {
    }

    /** @param waits each policy's pooled waits, keyed as the style's policies */
    public static Chart of(Map<String, RunWaits> waits, PolicyStyle style) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> policies = style.policies().stream().filter(waits::containsKey).toList();
        double longest = 1;
        for (String policy : policies) {
            RunWaits w = waits.get(policy);
            XYSeries series = new XYSeries(label(policy, w), false, true);
            // a log axis has no 0: the first point, a second, holds the tasks that started at once too
            for (int i = 0; i < w.waitS().length; i++) {
                if (w.waitS()[i] >= 1) {
                    series.add(w.waitS()[i], 100 * w.shareStarted(i));
                }
            }
            longest = Math.max(longest, settledS(w));
            data.addSeries(series);
        }
        LogAxis x = new LogAxis("wait before the first start (s, log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        x.setRange(1, Math.max(10, longest));
        x.setTickUnit(new NumberTickUnit(1)); // a tick at each power of ten
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        ReadableNumberAxis y = new ReadableNumberAxis("tasks started within the wait (% of arrived)", 0);
        y.setRange(0, 100);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = "Task waits, dropped tasks counted";
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int s = 0; s < policies.size(); s++) {
            String policy = policies.get(s);
            renderer.setSeriesPaint(s, style.colour(policy));
            renderer.setSeriesStroke(s, style.line(policy));
            renderer.setSeriesShape(s, style.marker(policy));
        }
        String caption = "For each policy, pooled over its days and seeds: the share of all arrived tasks that "
                + "started within a wait (a point at 1, 2 and 5 times each power of ten seconds, up to the wait past "
                + "which no more tasks start; the first point, 1 s, includes the tasks that started at once). Tasks dropped, or still waiting when the run "
                + "ended, never start: each curve ends at the share that did, and the legend gives the share that "
                + "never started. The percentiles in the tables (p50, p95, p99 wait) are over started tasks only.";
        return new Chart("waits", title, caption, chart, 900, 520);
    }

    /** The first wait of the grid past which no more tasks start: the axis ends there, not at the run's length. */
    private static double settledS(RunWaits w) {
        int last = w.waitS().length - 1;
        int settled = last;
        while (settled > 0 && w.started()[settled - 1] == w.started()[last]) {
            settled--;
        }
        return w.waitS()[Math.min(last, settled + 1)];
    }

    private static String label(String policy, RunWaits w) {
        int last = w.waitS().length - 1;
        double never = last < 0 ? Double.NaN : 100 * (1 - w.shareStarted(last));
        return String.format(Locale.ROOT, "%s (never started: %s %%)", policy,
                never == 0 ? "0" : never < 0.1 ? "< 0.1" : String.format(Locale.ROOT, "%.1f", never));
    }
}
