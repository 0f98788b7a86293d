package io.ldist.reports.charts;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.util.SVGConstants;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** The chart as SVG, drawn by Apache Batik (Apache-2.0); the same chart always gives the same bytes. */
    public byte[] svg() {
        Document document = GenericDOMImplementation.getDOMImplementation()
                .createDocument(SVGConstants.SVG_NAMESPACE_URI, SVGConstants.SVG_SVG_TAG, null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment(null);
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(width, height));
        drawing.draw(g2, new Rectangle(width, height));
        Element root = g2.getRoot();
        // a viewBox lets the browser scale the chart to the page instead of cropping it
        root.setAttributeNS(null, SVGConstants.SVG_VIEW_BOX_ATTRIBUTE, "0 0 " + width + " " + height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            g2.stream(root, writer, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + stem, e);
        } finally {
            g2.dispose();
        }
        return out.toByteArray();
    }
}
