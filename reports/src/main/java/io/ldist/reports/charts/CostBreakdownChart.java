package io.ldist.reports.charts;

import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;
import io.ldist.reports.Variant;
import io.ldist.reports.Variants;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.List;

/**
 * What each policy's runs paid for, on average: one stacked bar per policy, a segment per part of costUsd
 * (on-demand hours, reservations, licences, standby, energy, migrations, SLA penalties) that some run paid.
 * The colours are those of the parts, not of the policies, and run from dark (servers) to light (penalties)
 * so that the stack reads in grey print too.
 */
public final class CostBreakdownChart {
    private static final Color[] PART_COLOURS = {new Color(0x1F3A5F), new Color(0x3E6FA3), new Color(0x7A9CC6),
            new Color(0xA9C6E8), new Color(0x6B8E23), new Color(0xE0A040), new Color(0xC8553D)};

    private CostBreakdownChart() {
    }

    /** The parts some run paid for; the chart is worth drawing when there are two or more. */
    public static List<Metric> paidParts(List<Metric> shown) {
        return shown.stream().filter(m -> Metrics.COST_PARTS.contains(m.name())).toList();
    }

    public static Chart of(Variants variants, List<Metric> parts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean onePolicy = variants.all().stream().map(Variant::series).distinct().count() == 1;
        for (Metric part : parts) {
            for (Variant variant : variants.all()) {
                double mean = variants.rowsOf(variant).stream().mapToDouble(r -> r.metric(part.name()))
                        .filter(Double::isFinite).average().orElse(0);
                data.addValue(mean, label(part), name(variant, onePolicy));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDrawBarOutline(true);
        CategoryAxis names = new CategoryAxis(!variants.swept() ? null
                : onePolicy ? variants.parameterLabel() : "policy and " + variants.parameterLabel());
        names.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(data, names, new ReadableNumberAxis("mean cost per run (USD)", 2),
                renderer);
        String title = "Cost per run by part, per " + (!variants.swept() ? "policy"
                : onePolicy ? variants.parameterLabel() : "policy and " + variants.parameterLabel());
        JFreeChart chart = ReportTheme.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        // After the theme, which resets series paints.
        for (int i = 0; i < parts.size(); i++) {
            renderer.setSeriesPaint(i, PART_COLOURS[Metrics.COST_PARTS.indexOf(parts.get(i).name())]);
            renderer.setSeriesOutlinePaint(i, Color.DARK_GRAY);
        }
        String caption = "Each bar is a policy's mean costUsd over its runs, split into what it paid for: "
                + "on-demand hours of servers no reservation covers, reservations (paid whether used or not), "
                + "licences, stopped standby servers, energy, migrations, and SLA penalties, as the scenario's "
                + "costs section prices them. Only the parts some run paid appear.";
        return new Chart("cost-breakdown", title, caption, chart, 900, 420);
    }

    private static String label(Metric part) {
        return part.label().replace("cost: ", "");
    }

    /** The bar's name: the policy, and in a sweep the value on a second line (the value alone for one policy). */
    private static String name(Variant variant, boolean onePolicy) {
        if (variant.value().isEmpty()) {
            return variant.series();
        }
        return onePolicy ? variant.value() : variant.series() + "\n" + variant.value();
    }
}
