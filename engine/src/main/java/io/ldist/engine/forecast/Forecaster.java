package io.ldist.engine.forecast;

/**
 * Online forecasts of many series at once (the CPU utilisation of each VM, say), each keyed by a dense index
 * {@code 0 .. seriesCount() - 1}. Each series is updated once per sample, in time order; an update costs a
 * bounded amount of work and allocates nothing. For any series that has seen at least one sample, a forecast
 * {@code horizon} samples past its latest one is a point and a prediction interval at a confidence level.
 * <p>
 * A forecast uses only the samples already given: no later sample changes a forecast made before it.
 * Instances are not thread-safe (they reuse scratch arrays).
 */
public interface Forecaster {
    int seriesCount();

    /** The longest horizon whose intervals come from residuals; longer ones span the whole range. */
    int maxHorizon();

    /** Adds the next sample of {@code series}. */
    void update(int series, double value);

    /** Adds the next sample of every series: {@code values[i]} to series i. */
    default void updateAll(double[] values) {
        if (values.length != seriesCount()) {
            throw new IllegalArgumentException("expected " + seriesCount() + " values, found " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            update(i, values[i]);
        }
    }

    /** Samples given to {@code series} so far. */
    long samples(int series);

    /** The point forecast {@code horizon >= 1} samples ahead; NaN while the series has no sample. */
    double point(int series, int horizon);

    /**
     * Half the width of the prediction interval at {@code confidence} in (0, 1) before clamping to the range:
     * infinite while too few residuals at that horizon are known.
     */
    double halfWidth(int series, int horizon, double confidence);

    /** The point forecast and its interval, clamped to the series' range. */
    Forecast forecast(int series, int horizon, double confidence);
}
