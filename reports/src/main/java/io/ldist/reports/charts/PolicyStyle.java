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

    private static final int SHAPES = 9;

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

    /**
     * The policy's marker: {@value #SHAPES} shapes, so that up to that many policies differ in shape as well as
     * colour (in grey print, shape is what tells them apart); as 9 and 8 share no factor, shape and colour
     * together repeat only after 72 policies.
     */
    public Shape marker(String policy) {
        double s = 8;
        return switch (index(policy) % SHAPES) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Rectangle2D.Double(-s / 2 + 0.5, -s / 2 + 0.5, s - 1, s - 1);
            case 2 -> polygon(3, s * 0.62, -Math.PI / 2);
            case 3 -> polygon(4, s * 0.62, -Math.PI / 2);
            case 4 -> polygon(3, s * 0.62, Math.PI / 2);
            case 5 -> cross(s, 0);
            case 6 -> cross(s, Math.PI / 4);
            case 7 -> star(s * 0.7);
            default -> polygon(6, s * 0.55, 0);
        };
    }

    /** A regular polygon of {@code corners} around the origin, the first corner at {@code angle}. */
    private static Shape polygon(int corners, double radius, double angle) {
        double[][] points = new double[corners][];
        for (int i = 0; i < corners; i++) {
            double a = angle + 2 * Math.PI * i / corners;
            points[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return closed(points);
    }

    /** A plus sign with thick arms, turned by {@code angle} (an eighth of a turn gives an x). */
    private static Shape cross(double s, double angle) {
        double h = s / 2;
        double w = s / 6;
        double[][] points = {{-w, -h}, {w, -h}, {w, -w}, {h, -w}, {h, w}, {w, w}, {w, h}, {-w, h}, {-w, w},
            {-h, w}, {-h, -w}, {-w, -w}};
        for (double[] p : points) {
            double x = p[0];
            p[0] = x * Math.cos(angle) - p[1] * Math.sin(angle);
            p[1] = x * Math.sin(angle) + p[1] * Math.cos(angle);
        }
        return closed(points);
    }

    /** A five-pointed star. */
    private static Shape star(double radius) {
        double[][] points = new double[10][];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius : radius * 0.45;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            points[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
        }
        return closed(points);
    }

    private static Shape closed(double[][] points) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) {
            p.lineTo(points[i][0], points[i][1]);
        }
        p.closePath();
        return p;
    }
}
