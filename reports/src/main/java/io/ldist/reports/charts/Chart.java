package io.ldist.reports.charts;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.util.SVGConstants;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A chart of the report, ready to be written: its file stem (the PNG and SVG beside report.html are
 * {@code stem.png} and {@code stem.svg}), what it shows, and the drawing.
 */
public record Chart(String stem, String title, String caption, JFreeChart drawing, int width, int height) {
    /**
     * Pixels per point of the chart's layout: the page shows a chart {@code width} CSS pixels wide (at most
     * 9.4 inches), so twice that many pixels print at 190 dpi or more.
     */
    public static final int PNG_SCALE = 2;
    /** The resolution the PNG says it has, so that slides and documents place it at its layout size. */
    private static final int DOTS_PER_INCH = 96 * PNG_SCALE;

    /** The chart as PNG, {@link #PNG_SCALE} times its layout size, marked as {@value #DOTS_PER_INCH} dpi. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.scale(PNG_SCALE, PNG_SCALE);
            drawing.draw(g2, new Rectangle(width, height));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(DOTS_PER_INCH / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", perMetre);
            physical.setAttribute("pixelsPerUnitYAxis", perMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
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
