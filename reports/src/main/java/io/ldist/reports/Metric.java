package io.ldist.reports;

import java.util.Locale;

/**
 * A headline metric as people read it: its name in files (as in DESIGN.md), a label, its unit, how it is
 * shown, and which direction is better, if any.
 *
 * @param scale factor applied for display (100 shows a fraction as a percentage)
 */
public record Metric(String name, String label, String unit, double scale, int decimals, Direction direction,
                     String group, String definition) {

    /** Which way a metric is better, or none: counts the workload or the faults decide are no one's merit. */
    public enum Direction {
        LOWER_IS_BETTER("Lower is better."),
        HIGHER_IS_BETTER("Higher is better."),
        NONE("Neither higher nor lower is better, so no policy is marked best.");

        private final String sentence;

        Direction(String sentence) {
            this.sentence = sentence;
        }

        /** The direction as a sentence, for definitions. */
        public String sentence() {
            return sentence;
        }
    }

    /** The value as displayed (scaled, fixed decimals), or "-" when there is nothing to show. */
    public String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value * scale);
    }

    /**
     * The least value the metric can take: every headline metric counts, times or measures something, so none
     * is negative (a confidence band reaching below it is cut there).
     */
    public double lowestPossible() {
        return 0;
    }

    /** Whether {@code a} is better than {@code b}; never, for a metric with no better direction. */
    public boolean better(double a, double b) {
        return switch (direction) {
            case LOWER_IS_BETTER -> a < b;
            case HIGHER_IS_BETTER -> a > b;
            case NONE -> false;
        };
    }
}
