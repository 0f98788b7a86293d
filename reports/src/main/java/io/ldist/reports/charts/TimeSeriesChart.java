package io.ldist.reports.charts;

import io.ldist.reports.RunSeries;
import io.ldist.reports.stats.FarOffGroups;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How one run of each policy went over time, in panels that share the time axis: active servers, mean CPU,
 * migrations per hour, tasks waiting, cost per hour, servers found overloaded. Panels where every run shows
 * nothing are left out. Scale-outs, failovers and server crashes are marked across the panels in the colour of
 * the policy whose run they belong to. The time axis ends with the run; a panel whose start-up would squash the
 * rest is scaled to the rest ({@link StartUp}).
 */
public final class TimeSeriesChart {
    /** @param decimals the finest ticks the panel's values need (cost per hour can stay below 1 USD) */
    private record Panel(String label, int decimals, Function<RunSeries, double[]> values) {
    }

    /** A kind of event marked by vertical lines: behind the series (a wide pale band) or in front of them. */
    private record EventKind(String column, String label, Stroke stroke, int alpha, Layer layer) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("active servers", 0, s -> s.column("activeHosts")),
            new Panel("mean CPU (%)", 0, s -> scaled(s.column("meanCpu"), 100)),
            new Panel("migrations per hour", 0, s -> perHour(s, "migrations")),
            new Panel("tasks waiting", 0, s -> s.column("tasksQueued")),
            new Panel("cost (USD/h)", 2, s -> s.column("costUsdPerHour")),
            new Panel("servers found overloaded", 0, s -> s.column("overloadedHosts")));

    /**
     * A failover follows its crash by a few health checks (20 s, under a pixel on a day's axis): so failovers
     * are wide pale bands behind the series and crashes thin dotted lines in front, both seen where they meet.
     */
    private static final List<EventKind> EVENTS = List.of(
            new EventKind("failovers", "failover", new BasicStroke(7f), 70, Layer.BACKGROUND),
            new EventKind("scaleOuts", "scale-out", new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                    10f, new float[] {6f, 3f}, 0f), 255, Layer.FOREGROUND),
            new EventKind("hostCrashes", "server crash (anomaly)", new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 2f}, 0f), 255, Layer.FOREGROUND));

    /** More policies than this, and each line is drawn as hourly means: raw, their lines run into each other. */
    static final int MOST_POLICIES_UNSMOOTHED = 4;

    private TimeSeriesChart() {
    }

    /** {@code runs}: each policy's run to show, in the style's order; {@code which}: the day and seed, for the title. */
    public static Chart of(Map<String, RunSeries> runs, PolicyStyle style, String which) {
        ReadableNumberAxis time = ReadableNumberAxis.hours("time (h)");
        time.setRange(0, runs.values().stream().mapToDouble(TimeSeriesChart::endHours).max().orElse(1));
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        List<String> policies = style.policies().stream().filter(runs::containsKey).toList();
        int shown = 0;
        boolean anyOffScale = false;
        Map<String, Integer> startUpEnds = new LinkedHashMap<>();
        for (String policy : policies) {
            startUpEnds.put(policy, StartUp.end(runs.get(policy)));
        }
        boolean hourly = policies.size() > MOST_POLICIES_UNSMOOTHED;
        boolean anyFarOff = false;
        for (Panel panel : PANELS) {
            XYSeriesCollection data = new XYSeriesCollection();
            boolean anything = false;
            StartUp.Peaks peaks = StartUp.Peaks.NONE;
            List<double[][]> later = new ArrayList<>();
            for (String policy : policies) {
                RunSeries run = runs.get(policy);
                double[] t = run.column("timeS");
                double[] y = panel.values().apply(run);
                XYSeries series = new XYSeries(policy, false, true);
                double[] at = Arrays.copyOf(t, y.length); // a column an older ldist lacks is empty
                double[][] drawn = hourly ? HourlyMeans.of(at, y) : new double[][] {at, y};
                for (int i = 0; i < drawn[0].length; i++) {
                    series.add(drawn[0][i] / 3600, drawn[1][i]);
                    anything |= drawn[1][i] != 0;
                }
                data.addSeries(series);
                StartUp.Peaks own = StartUp.Peaks.of(t, y, startUpEnds.get(policy));
                peaks = peaks.max(own);
                double[] rest = Arrays.copyOfRange(y, Math.min(startUpEnds.get(policy), y.length), y.length);
                later.add(new double[][] {rest, new double[rest.length]});
            }
            if (!anything) {
                continue;
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true); // so that dashes run along the line, not restart at every point
            ReadableNumberAxis axis = new ReadableNumberAxis(panel.label(), panel.decimals());
            axis.setAutoRangeIncludesZero(true);
            axis.setLabelFont(axis.getLabelFont().deriveFont(11f));
            XYPlot plot = new XYPlot(data, null, axis, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xD0D0D0));
            plot.setDomainGridlinePaint(new Color(0xD0D0D0));
            List<Integer> farOff = FarOffGroups.of(later);
            if (!farOff.isEmpty()) {
                scaleWithoutFarOff(plot, axis, policies, later, farOff, panel.decimals());
                anyFarOff = true;
            } else if (peaks.offScale()) {
                scaleAfterStartUp(plot, axis, peaks, panel.decimals());
                anyOffScale = true;
            }
            markEvents(plot, runs, policies, style);
            combined.add(plot, 1);
            shown++;
        }
        String title = "One run per policy over time (" + which + ")";
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true));
        for (XYPlot plot : combined.getSubplots()) { // after the theme, which resets series colours
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            for (int s = 0; s < policies.size(); s++) {
                renderer.setSeriesPaint(s, style.colour(policies.get(s)));
                renderer.setSeriesStroke(s, style.line(policies.get(s)));
            }
        }
        combined.setFixedLegendItems(legend(policies, style, runs));
        String caption = "The run of each policy on " + which + ", sampled at every decision, to the end of the run. "
                + "Vertical lines mark scale-outs (dashed) and server crashes (dotted), pale bands failovers, in the "
                + "colour of the policy's run. Migrations per hour are each interval's migrations over its length."
                + (anyOffScale ? " Panels that say so are scaled to the run after its start-up (while the servers "
                + "on at the start were consolidated), which rises above them to the peak written there." : "")
                + (anyFarOff ? " Panels that name policies above the scale are scaled to the other policies, whose "
                + "lines those few would flatten; the named ones run above it, to the peak written there." : "")
                + (hourly ? " With " + policies.size() + " policies, each line is its run's hourly mean (time-"
                + "weighted), drawn at the middle of the hour, so that the lines stay apart." : "");
        return new Chart("timeseries", title, caption, chart, 1000, 170 * Math.max(1, shown) + 140);
    }

    private static double endHours(RunSeries run) {
        double[] t = run.column("timeS");
        return t.length == 0 ? 1 : Math.max(t[t.length - 1] / 3600, 1e-3);
    }

    /**
     * The axis up to the highest value of the policies that are not far off (after their start-up), and a note
     * of how high each far-off one goes.
     */
    private static void scaleWithoutFarOff(XYPlot plot, ReadableNumberAxis axis, List<String> policies,
                                           List<double[][]> later, List<Integer> farOff, int decimals) {
        double top = 0;
        List<String> above = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            double peak = Arrays.stream(later.get(p)[0]).max().orElse(0);
            if (farOff.contains(p)) {
                above.add(policies.get(p) + " up to " + ReadableNumberAxis.format(decimals).format(peak));
            } else {
                top = Math.max(top, peak);
            }
        }
        top = top > 0 ? top * 1.1 : 1;
        axis.setRange(0, top);
        XYTextAnnotation annotation = new XYTextAnnotation("above the scale: " + String.join(", ", above),
                axis.getRange().getLowerBound(), top);
        annotation.setTextAnchor(TextAnchor.TOP_LEFT);
        annotation.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        annotation.setPaint(Color.DARK_GRAY);
        annotation.setBackgroundPaint(new Color(255, 255, 255, 220));
        plot.addAnnotation(annotation);
    }

    /** The axis up to the highest value after the start-up, and a note of the start-up's peak above it. */
    private static void scaleAfterStartUp(XYPlot plot, ReadableNumberAxis axis, StartUp.Peaks peaks, int decimals) {
        double top = peaks.later() * 1.1;
        axis.setRange(0, top);
        String note = String.format(Locale.ROOT, "start-up above the scale: up to %s at %.1f h",
                ReadableNumberAxis.format(decimals).format(peaks.startUp()), peaks.startUpHours());
        XYTextAnnotation annotation = new XYTextAnnotation(note, peaks.startUpHours(), top);
        annotation.setTextAnchor(TextAnchor.TOP_LEFT);
        annotation.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        annotation.setPaint(Color.DARK_GRAY);
        annotation.setBackgroundPaint(new Color(255, 255, 255, 220));
        plot.addAnnotation(annotation);
    }

    private static void markEvents(XYPlot plot, Map<String, RunSeries> runs, List<String> policies, PolicyStyle style) {
        for (String policy : policies) {
            RunSeries run = runs.get(policy);
            double[] t = run.column("timeS");
            for (EventKind kind : EVENTS) {
                double[] counts = run.column(kind.column());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        plot.addDomainMarker(new ValueMarker(t[i] / 3600, paint(style.colour(policy), kind),
                                kind.stroke()), kind.layer());
                    }
                }
            }
        }
    }

    private static Color paint(Color colour, EventKind kind) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), kind.alpha());
    }

    private static LegendItemCollection legend(List<String> policies, PolicyStyle style, Map<String, RunSeries> runs) {
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-12, 0, 12, 0);
        for (String policy : policies) {
            LegendItem item = new LegendItem(policy, null, null, null, line, style.line(policy), style.colour(policy));
            items.add(item);
        }
        Map<String, EventKind> happened = new LinkedHashMap<>();
        for (EventKind kind : EVENTS) {
            for (RunSeries run : runs.values()) {
                for (double c : run.column(kind.column())) {
                    if (c > 0) {
                        happened.put(kind.column(), kind);
                    }
                }
            }
        }
        for (EventKind kind : happened.values()) {
            items.add(new LegendItem(kind.label(), null, null, null, new Line2D.Double(0, -7, 0, 7), kind.stroke(),
                    paint(Color.DARK_GRAY, kind)));
        }
        return items;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    /** An interval's count over its length in hours; the first row (no interval before it) is 0. */
    private static double[] perHour(RunSeries run, String column) {
        double[] t = run.column("timeS");
        double[] counts = run.column(column);
        double[] rate = new double[counts.length];
        for (int i = 1; i < counts.length; i++) {
            double hours = (t[i] - t[i - 1]) / 3600;
            rate[i] = hours > 0 ? counts[i] / hours : 0;
        }
        return rate;
    }
}
