package io.ldist.engine.util;

/** Numbers for messages: a whole number without a decimal point ("80000", not "80000.0"). */
public final class PlainNumber {
    private PlainNumber() {
    }

    public static String of(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.valueOf(value);
    }
}
