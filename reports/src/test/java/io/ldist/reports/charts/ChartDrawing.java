package io.ldist.reports.charts;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** A chart drawn as the report draws it, and what its axes then show. */
record ChartDrawing(Chart chart, BufferedImage image, ChartRenderingInfo info) {

    static ChartDrawing of(Chart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        BufferedImage image = chart.drawing().createBufferedImage(chart.width(), chart.height(), info);
        return new ChartDrawing(chart, image, info);
    }

    /** The tick labels of a value axis of an XY plot's area as drawn. */
    List<String> tickLabels(ValueAxis axis, RectangleEdge edge) {
        Graphics2D g2 = image.createGraphics();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
        g2.dispose();
        return ticks.stream().map(t -> ((NumberTick) t).getText()).toList();
    }

    /** Tick positions as numbers. */
    List<Double> tickValues(ValueAxis axis, RectangleEdge edge) {
        Graphics2D g2 = image.createGraphics();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(), edge);
        g2.dispose();
        return ticks.stream().map(t -> ((NumberTick) t).getValue()).toList();
    }
}
