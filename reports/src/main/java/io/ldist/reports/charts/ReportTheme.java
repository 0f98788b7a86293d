package io.ldist.reports.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Color;
import java.awt.Font;

/** Fonts and colours that read well on screen and in print: white ground, dark text, light grid. */
final class ReportTheme {
    private static final Color GRID = new Color(0xD0D0D0);
    /** Labels on points (a sweep's values on the Pareto front). */
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final StandardChartTheme THEME = theme();

    private ReportTheme() {
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("ldist report");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(Color.BLACK);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(Color.BLACK);
        theme.setTitlePaint(Color.BLACK);
        theme.setShadowVisible(false);
        return theme;
    }

    static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        Plot plot = chart.getPlot();
        plot.setOutlinePaint(Color.GRAY);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }
}
