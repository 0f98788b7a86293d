package io.ldist.scenario.spec;

/** Arrivals multiplied by {@code factor} between {@code fromS} and {@code toS}. */
public record Surge(double fromS, double toS, double factor) {
    public Surge {
        if (!(fromS >= 0 && toS > fromS) || !(factor > 0)) {
            throw new IllegalArgumentException("a surge needs 0 <= from < to and factor > 0");
        }
    }
}
