package io.ldist.engine.util;

import java.util.OptionalDouble;

/** Numbers in messages and in text that users write. */
public final class Numbers {
    private Numbers() {
    }

    /** A whole number without a decimal point ("80000", not "80000.0"); others as Java writes them. */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.valueOf(value);
    }

    /** The number {@code text} writes ("0.8", "1e3"), or empty when it is not one. */
    public static OptionalDouble parse(String text) {
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
