package io.ldist.reports.charts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A chart of the report, ready to be written: its file stem (the PNG and SVG beside report.html are
 * {@code stem.png} and {@code stem.svg}), what it shows, and the drawing.
 */
public record Chart(String stem, String title, String caption, JFreeChart drawing, int width, int height) {

    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, drawing, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + stem, e);
        }
        return out.toByteArray();
    }

    public byte[] svg() {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(stem + "-"); // JFreeSVG's default prefix is a clock reading: the same chart, other bytes
        drawing.draw(g2, new Rectangle(width, height));
        return g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
