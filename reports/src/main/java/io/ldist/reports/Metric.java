package io.ldist.reports;

import java.util.Locale;

/**
 * A headline metric as people read it: its name in files (as in DESIGN.md), a label, its unit, how it is
 * shown, and which direction is better.
 *
 * @param scale factor applied for display (100 shows a fraction as a percentage)
 */
public record Metric(String name, String label, String unit, double scale, int decimals, boolean higherIsBetter,
                     String group, String definition) {

    /** The value as displayed (scaled, fixed decimals), or "-" when there is nothing to show. */
    public String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value * scale);
    }
}
