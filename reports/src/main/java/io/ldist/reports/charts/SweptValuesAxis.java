package io.ldist.reports.charts;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The axis of a swept parameter: a tick (and grid line) at each value swept, written as the sweep file wrote
 * it, since those are the only places with data; past {@value #MOST_VALUES} values, readable ticks as usual.
 */
final class SweptValuesAxis extends ReadableNumberAxis {
    private static final int MOST_VALUES = 12;

    private final TreeMap<Double, String> values;

    /** @param values each swept value and its text */
    SweptValuesAxis(String label, Map<Double, String> values) {
        super(label, 6);
        this.values = new TreeMap<>(values);
    }

    @Override
    @SuppressWarnings("rawtypes") // JFreeChart's own signature
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (values.size() > MOST_VALUES || RectangleEdge.isLeftOrRight(edge)) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<NumberTick> ticks = new ArrayList<>();
        values.forEach((value, text) -> ticks.add(new NumberTick(value, text, anchor, anchor, 0.0)));
        return ticks;
    }
}
