package io.ldist.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One look per policy, the same in every chart of a report: the Okabe-Ito colours (told apart by people with
 * colour-blindness), and a marker shape and dash pattern as well, so that a chart printed in grey still says
 * which line is which.
 */
public final class PolicyStyle {
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private final List<String> policies;

    public PolicyStyle(List<String> policies) {
        this.policies = List.copyOf(policies);
    }

    public List<String> policies() {
        return policies;
    }

    private int index(String policy) {
        int i = policies.indexOf(policy);
        if (i < 0) {
            throw new IllegalArgumentException("no style for policy '" + policy + "'");
        }
        return i;
    }

    public Color colour(String policy) {
        return COLOURS[index(policy) % COLOURS.length];
    }

    /** The colour as CSS, for the report's tables and legends. */
    public String cssColour(String policy) {
        Color c = colour(policy);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    public Stroke line(String policy) {
        float[] dash = DASHES[index(policy) % DASHES.length];
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    public Shape marker(String policy) {
        double s = 7;
        return switch (index(policy) % 5) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case 2 -> triangle(s, true);
            case 3 -> diamond(s);
            default -> triangle(s, false);
        };
    }

    private static Shape triangle(double s, boolean up) {
        Path2D.Double p = new Path2D.Double();
        double h = up ? -s / 2 : s / 2;
        p.moveTo(0, h);
        p.lineTo(s / 2, -h);
        p.lineTo(-s / 2, -h);
        p.closePath();
        return p;
    }

    private static Shape diamond(double s) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -s / 2);
        p.lineTo(s / 2, 0);
        p.lineTo(0, s / 2);
        p.lineTo(-s / 2, 0);
        p.closePath();
        return p;
    }
}
