package io.ldist.engine.forecast;

/**
 * One forecast of one series: the point forecast and a prediction interval around it, in the series' own
 * units (a share of capacity for CPU utilisation). Always {@code lower <= point <= upper}.
 */
public record Forecast(double point, double lower, double upper) {
    public Forecast {
        if (!(lower <= point && point <= upper)) {
            throw new IllegalArgumentException("expected lower <= point <= upper, found " + lower + ", " + point
                    + ", " + upper);
        }
    }

    /** Whether {@code actual} lies inside the interval, bounds included. */
    public boolean covers(double actual) {
        return actual >= lower && actual <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
