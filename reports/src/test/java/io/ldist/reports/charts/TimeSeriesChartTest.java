package io.ldist.reports.charts;

import io.ldist.reports.RunSeries;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSeriesChartTest {
    @TempDir
    Path tmp;

    private static final PolicyStyle STYLE = new PolicyStyle(List.of("thr-mmt-0.8"));

    /** A run of {@code rows} decisions every 300 s, its columns given per row. */
    private RunSeries run(int rows, IntFunction<String> row) throws IOException {
        List<String> lines = new ArrayList<>(List.of("timeS,activeHosts,meanCpu,migrations,scaleOuts,failovers,"
                + "hostCrashes"));
        for (int i = 0; i < rows; i++) {
            lines.add(i * 300 + "," + row.apply(i));
        }
        Path file = tmp.resolve("run" + rows + "-" + lines.hashCode() + ".csv");
        Files.write(file, lines);
        return RunSeries.read(file);
    }

    private static List<XYPlot> panels(Chart chart) {
        return ((CombinedDomainXYPlot) chart.drawing().getXYPlot()).getSubplots();
    }

    @Test
    void aPlanetLabStartUp_isAboveTheScale_andSaysSo() throws IOException {
        // 800 servers on at the start, 70 from the fourth decision on, for a day (289 rows).
        RunSeries run = run(289, i -> (i == 0 ? 800 : i == 1 ? 370 : i == 2 ? 200 : 60 + i % 11) + ",0.4,0,0,0,0");

        Chart chart = TimeSeriesChart.of(Map.of("thr-mmt-0.8", run), STYLE, "day d1, seed 1");

        XYPlot active = panels(chart).get(0);
        assertThat(active.getRangeAxis().getLabel()).isEqualTo("active servers");
        assertThat(active.getRangeAxis().getUpperBound()).isEqualTo(70 * 1.1);
        assertThat(active.getAnnotations()).singleElement()
                .satisfies(a -> assertThat(((XYTextAnnotation) a).getText())
                        .isEqualTo("start-up above the scale: up to 800 at 0.0 h"));
        assertThat(chart.caption()).contains("scaled to the run after its start-up");
        XYPlot cpu = panels(chart).get(1);
        assertThat(cpu.getAnnotations()).isEmpty();
    }

    @Test
    void aPolicyThatFlattensTheOthers_runsAboveTheScale_andTheOthersFillThePanel() throws IOException {
        // NPA keeps its 800 servers on; the consolidating policies need 60 to 75.
        Map<String, RunSeries> runs = new java.util.LinkedHashMap<>();
        runs.put("thr-mmt-0.8", run(73, i -> (60 + i % 11) + ",0.4,0,0,0,0"));
        runs.put("lr-mmt-1.2", run(73, i -> (62 + i % 13) + ",0.4,0,0,0,0"));
        runs.put("mad-mmt-2.5", run(73, i -> (61 + i % 7) + ",0.4,0,0,0,0"));
        runs.put("npa", run(73, i -> "800,0.1,0,0,0,0"));

        Chart chart = TimeSeriesChart.of(runs, new PolicyStyle(List.copyOf(runs.keySet())), "day d1, seed 1");

        XYPlot active = panels(chart).get(0);
        assertThat(active.getRangeAxis().getUpperBound()).isCloseTo(74 * 1.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(active.getAnnotations()).singleElement()
                .satisfies(a -> assertThat(((XYTextAnnotation) a).getText())
                        .isEqualTo("above the scale: npa up to 800"));
        assertThat(chart.caption()).contains("scaled to the other policies").doesNotContain("hourly mean");
    }

    @Test
    void manyPolicies_drawnAsHourlyMeans_andSaySo() throws IOException {
        Map<String, RunSeries> runs = new java.util.LinkedHashMap<>();
        for (String policy : List.of("a", "b", "c", "d", "e")) {
            runs.put(policy, run(25, i -> (10 + i % 4) + ",0.4,0,0,0,0")); // two hours of 5-minute rows
        }

        Chart chart = TimeSeriesChart.of(runs, new PolicyStyle(List.copyOf(runs.keySet())), "seed 1");

        var active = panels(chart).get(0).getDataset();
        assertThat(active.getItemCount(0)).isEqualTo(2);
        assertThat(active.getXValue(0, 0)).isEqualTo(0.5);
        assertThat(active.getYValue(0, 0)).isCloseTo(11.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(chart.caption()).contains("With 5 policies, each line is its run's hourly mean");
    }

    @Test
    void noStartUpToSpeakOf_drawnToScale() throws IOException {
        RunSeries run = run(73, i -> (4 + i % 3) + ",0.4,0,0,0,0");

        Chart chart = TimeSeriesChart.of(Map.of("thr-mmt-0.8", run), STYLE, "seed 1");

        assertThat(panels(chart).get(0).getAnnotations()).isEmpty();
        assertThat(panels(chart).get(0).getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(6);
        assertThat(chart.caption()).doesNotContain("start-up");
    }

    @Test
    void costBelowOneDollarAnHour_getsTicksInCents() throws IOException {
        List<String> lines = new ArrayList<>(List.of("timeS,activeHosts,costUsdPerHour"));
        for (int i = 0; i < 73; i++) {
            lines.add(i * 300 + ",1," + (0.2 + 0.5 * (i % 2))); // 0.20 and 0.70 USD/h in turn
        }
        Path file = tmp.resolve("cost.csv");
        Files.write(file, lines);
        Chart chart = TimeSeriesChart.of(Map.of("thr-mmt-0.8", RunSeries.read(file)), STYLE, "seed 1");
        ChartDrawing drawn = ChartDrawing.of(chart);

        XYPlot cost = panels(chart).get(1);
        assertThat(cost.getRangeAxis().getLabel()).isEqualTo("cost (USD/h)");
        Rectangle2D area = drawn.info().getPlotInfo().getSubplotInfo(1).getDataArea();
        java.awt.Graphics2D g2 = drawn.image().createGraphics();
        List<?> ticks = cost.getRangeAxis().refreshTicks(g2, new org.jfree.chart.axis.AxisState(), area,
                org.jfree.chart.ui.RectangleEdge.LEFT);
        g2.dispose();
        List<String> labels = ticks.stream().map(t -> ((org.jfree.chart.axis.NumberTick) t).getText()).toList();
        assertThat(labels).hasSizeGreaterThan(2).contains("0.0", "0.5").allMatch(l -> l.matches("\\d\\.\\d{1,2}"));
    }

    @Test
    void timeAxisEndsWithTheRun() throws IOException {
        RunSeries run = run(73, i -> "5,0.4,0,0,0,0"); // 0 to 21,600 s: 6 h

        Chart chart = TimeSeriesChart.of(Map.of("thr-mmt-0.8", run), STYLE, "seed 1");

        assertThat(chart.drawing().getXYPlot().getDomainAxis().getRange().getUpperBound()).isEqualTo(6.0);
    }

    @Test
    void aCrashJustBeforeItsFailover_staysVisible() throws IOException {
        // Decisions every 10 s from here: the crash at 4 h 0 min, its failover one decision (10 s) later.
        List<String> lines = new ArrayList<>(List.of("timeS,activeHosts,meanCpu,migrations,scaleOuts,failovers,"
                + "hostCrashes"));
        for (int t = 0; t <= 21_600; t += 10) {
            lines.add(t + ",5,0.4,0,0," + (t == 14_410 ? 1 : 0) + "," + (t == 14_400 ? 1 : 0));
        }
        Path file = tmp.resolve("crash.csv");
        Files.write(file, lines);
        Chart chart = TimeSeriesChart.of(Map.of("thr-mmt-0.8", RunSeries.read(file)), STYLE, "seed 1");
        ChartDrawing drawn = ChartDrawing.of(chart);
        Rectangle2D area = drawn.info().getPlotInfo().getSubplotInfo(0).getDataArea();
        int x = (int) Math.round(chart.drawing().getXYPlot().getDomainAxis().valueToJava2D(4.0, area,
                org.jfree.chart.ui.RectangleEdge.BOTTOM));

        // Down the crash's column: the crash's own dots (the policy's full colour) and, between them, the pale
        // failover band behind it.
        Color policy = STYLE.colour("thr-mmt-0.8");
        int full = 0;
        int pale = 0;
        for (int y = (int) area.getMinY() + 2; y < (int) area.getCenterY() - 5; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                Color c = new Color(drawn.image().getRGB(x + dx, y));
                full += near(c, policy, 40) ? 1 : 0;
                pale += c.getRed() > 150 && c.getRed() < 250 && !near(c, Color.WHITE, 5) ? 1 : 0;
            }
        }
        assertThat(full).as("pixels of the crash line").isGreaterThan(5);
        assertThat(pale).as("pixels of the failover band between its dots").isGreaterThan(5);
    }

    private static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }
}
