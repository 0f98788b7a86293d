package io.ldist.engine.forecast;

/**
 * How well a forecaster does on a set of series, by rolling origin: each series is fed one sample at a time, and at
 * every origin the forecasts for each horizon are made from the samples so far only, then scored when their sample
 * arrives (absolute and squared error, and whether the interval at the confidence covered it). Errors are pooled
 * over series and origins. No forecast ever sees a sample after its origin: the series is revealed in order.
 */
public final class RollingEvaluation {
    /** One horizon's pooled figures, errors in the series' units times {@code scale}. */
    public record Score(int horizon, double mae, double rmse, double coverage, long forecasts) {
    }

    private RollingEvaluation() {
    }

    /**
     * @param series     {@code series[s][t]}: every series the same length, values within {@code [min, max]}
     * @param horizons   in samples, each at least 1
     * @param warmup     forecasts are scored from origins with at least this many samples (the shortest history a
     *                   method such as an hour's moving average needs to be itself)
     * @param scale      errors are reported times this (100 for CPU shares reported in percentage points)
     * @param samplesPerDay for forecasters with a daily season (0: none)
     */
    public static Score[] evaluate(double[][] series, int[] horizons, int warmup, double confidence, double min,
                                   double max, double scale, int samplesPerDay, ForecasterFactory factory) {
        int n = series.length;
        int length = n == 0 ? 0 : series[0].length;
        int longest = 1;
        for (int h : horizons) {
            if (h < 1) {
                throw new IllegalArgumentException("a horizon is at least one sample, was " + h);
            }
            longest = Math.max(longest, h);
        }
        Forecaster f = factory.create(new ForecastSetup(n, longest, min, max, ForecastSetup.DEFAULT_RESIDUAL_WINDOW,
                samplesPerDay));
        // Forecasts waiting for their sample, in a ring per series and horizon: slot (origin + h) mod ring.
        int ring = longest + 1;
        double[][] point = new double[horizons.length][n * ring];
        double[][] lower = new double[horizons.length][n * ring];
        double[][] upper = new double[horizons.length][n * ring];
        double[] absolute = new double[horizons.length];
        double[] squared = new double[horizons.length];
        long[] covered = new long[horizons.length];
        long[] count = new long[horizons.length];
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < n; s++) {
                double actual = series[s][t];
                for (int k = 0; k < horizons.length; k++) {
                    int origin = t - horizons[k];
                    if (origin >= 0 && origin + 1 >= warmup) {
                        int slot = s * ring + t % ring;
                        double error = (point[k][slot] - actual) * scale;
                        absolute[k] += Math.abs(error);
                        squared[k] += error * error;
                        covered[k] += actual >= lower[k][slot] && actual <= upper[k][slot] ? 1 : 0;
                        count[k]++;
                    }
                }
                f.update(s, actual);
                for (int k = 0; k < horizons.length; k++) {
                    Forecast forecast = f.forecast(s, horizons[k], confidence);
                    int slot = s * ring + (t + horizons[k]) % ring;
                    point[k][slot] = forecast.point();
                    lower[k][slot] = forecast.lower();
                    upper[k][slot] = forecast.upper();
                }
            }
        }
        Score[] scores = new Score[horizons.length];
        for (int k = 0; k < horizons.length; k++) {
            long c = Math.max(1, count[k]);
            scores[k] = new Score(horizons[k], absolute[k] / c, Math.sqrt(squared[k] / c), (double) covered[k] / c,
                    count[k]);
        }
        return scores;
    }
}
