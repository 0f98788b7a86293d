package io.ldist.engine.registry;

import io.ldist.engine.util.Numbers;

/**
 * The numbers a parameter accepts, each bound open or closed. NaN is never inside, since every comparison
 * with it fails: the same as the constructors' own {@code !(x > 0)} checks.
 */
public record ParameterRange(double min, boolean minIncluded, double max, boolean maxIncluded) {
    public static final ParameterRange ANY = new ParameterRange(Double.NEGATIVE_INFINITY, true,
            Double.POSITIVE_INFINITY, true);
    /** (0, 1]: a share of a server's capacity that cannot be zero. */
    public static final ParameterRange POSITIVE_SHARE = new ParameterRange(0, false, 1, true);

    public static ParameterRange atLeast(double min) {
        return new ParameterRange(min, true, Double.POSITIVE_INFINITY, true);
    }

    public static ParameterRange above(double min) {
        return new ParameterRange(min, false, Double.POSITIVE_INFINITY, true);
    }

    public boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
    }

    /** "in (0, 1]", ">= 0", "> 0", or "" when any number will do. */
    public String phrase() {
        boolean lower = min != Double.NEGATIVE_INFINITY;
        boolean upper = max != Double.POSITIVE_INFINITY;
        if (lower && upper) {
            return "in " + (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
        }
        if (lower) {
            return (minIncluded ? ">= " : "> ") + format(min);
        }
        if (upper) {
            return (maxIncluded ? "<= " : "< ") + format(max);
        }
        return "";
    }

    /** 1 rather than 1.0, 0.8 as itself: how numbers read in messages and docs. */
    public static String format(double value) {
        return Numbers.plain(value);
    }
}
