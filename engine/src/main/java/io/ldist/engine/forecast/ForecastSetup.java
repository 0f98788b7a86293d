package io.ldist.engine.forecast;

/**
 * What a forecaster is built for: how many series it follows (keyed 0 to {@code seriesCount - 1}), the longest
 * horizon, in samples, it keeps residuals for (its intervals at longer horizons are the whole range), the range
 * the series' values live in (forecasts and intervals are clamped to it), and how many recent residuals per
 * series and horizon the intervals are drawn from.
 *
 * @param samplesPerDay samples in one day, for the daily season of Holt-Winters (288 at 5 min); 0 for none
 */
public record ForecastSetup(int seriesCount, int maxHorizon, double min, double max, int residualWindow,
                            int samplesPerDay) {
    /** 8 hours of 5-minute samples: recent enough to follow a VM's regime, enough for a 90 % quantile. */
    public static final int DEFAULT_RESIDUAL_WINDOW = 96;

    public ForecastSetup {
        if (seriesCount < 0 || maxHorizon < 1 || residualWindow < 1 || samplesPerDay < 0) {
            throw new IllegalArgumentException("expected series >= 0, horizon >= 1, residual window >= 1, "
                    + "samples per day >= 0");
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("expected min < max, found " + min + ", " + max);
        }
    }

    /** CPU utilisation as a share of capacity, in [0, 1], sampled every {@code intervalS} seconds. */
    public static ForecastSetup utilisation(int seriesCount, int maxHorizon, double intervalS) {
        return new ForecastSetup(seriesCount, maxHorizon, 0, 1, DEFAULT_RESIDUAL_WINDOW,
                (int) Math.round(86_400 / intervalS));
    }
}
