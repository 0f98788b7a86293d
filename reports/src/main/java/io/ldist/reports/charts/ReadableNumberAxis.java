package io.ldist.reports.charts;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number axis that reads like the report's tables: ticks at 1, 2 or 5 times a power of ten, written as the
 * tables write numbers (thousands separated, plain decimals: 0.0030, never 3E-3), no finer than the decimals the
 * tables show, and at most {@value #MOST_TICKS} of them (JFreeChart packs as many as the labels' height allows).
 */
class ReadableNumberAxis extends NumberAxis {
    private static final int MOST_TICKS = 10;

    private final TickUnits units;

    /** @param decimals the most decimals a tick may need: those of the metric in the tables */
    ReadableNumberAxis(String label, int decimals) {
        this(label, units(decimals));
    }

    private ReadableNumberAxis(String label, TickUnits units) {
        super(label);
        this.units = units;
        setStandardTickUnits(units);
        setAutoRangeIncludesZero(false);
    }

    /** An axis of hours, ticked at quarter hours, hours, or 2, 3, 6, 12, 24 or 48 of them. */
    static ReadableNumberAxis hours(String label) {
        TickUnits units = new TickUnits();
        units.add(new NumberTickUnit(0.25, format(2)));
        units.add(new NumberTickUnit(0.5, format(1)));
        for (int hours : new int[] {1, 2, 3, 6, 12, 24, 48, 168}) {
            units.add(new NumberTickUnit(hours, format(0)));
        }
        return new ReadableNumberAxis(label, units);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        TickUnit unit = getTickUnit();
        while (getRange().getLength() / unit.getSize() > MOST_TICKS) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger.equals(unit)) {
                break;
            }
            unit = larger;
        }
        setTickUnit((NumberTickUnit) unit, false, false);
    }

    private static TickUnits units(int decimals) {
        TickUnits units = new TickUnits();
        for (int exponent = -decimals; exponent <= 15; exponent++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double size = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent).doubleValue();
                units.add(new NumberTickUnit(size, format(Math.max(0, -exponent))));
            }
        }
        return units;
    }

    /** The tables' notation with {@code decimals} decimals: "1,250", "0.0030". */
    static DecimalFormat format(int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setGroupingUsed(true);
        return format;
    }
}
