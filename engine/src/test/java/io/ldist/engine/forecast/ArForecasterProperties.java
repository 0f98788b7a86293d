package io.ldist.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The AR fit against series simulated from known AR(2) models, and its forecasts on any series. */
class ArForecasterProperties {
    private static final double MEAN = 0.5;
    private static final double NOISE = 0.02;

    /** An AR(2) series around MEAN, after a burn-in, with Gaussian noise of sd NOISE. */
    private static double[] ar2(double a1, double a2, int length, Random random) {
        double[] x = new double[length];
        double previous = 0;
        double beforeThat = 0;
        for (int t = -200; t < length; t++) {
            double next = a1 * previous + a2 * beforeThat + NOISE * random.nextGaussian();
            beforeThat = previous;
            previous = next;
            if (t >= 0) {
                x[t] = MEAN + next;
            }
        }
        return x;
    }

    /**
     * Coefficients drawn inside the stationarity triangle, the second far enough from 0 that order 2 is
     * identifiable from a thousand samples (its standard error is about 0.03).
     */
    @Property(tries = 30)
    void theFitRecoversTheCoefficientsOfAnAr2(@ForAll @DoubleRange(min = -0.4, max = 0.5) double a1,
                                              @ForAll @DoubleRange(min = 0.2, max = 0.4) double magnitude,
                                              @ForAll boolean negative, @ForAll long seed) {
        double a2 = negative ? -magnitude : magnitude;
        int length = 1000;
        double[] x = ar2(a1, a2, length, new Random(seed));
        ArForecaster f = new ArForecaster(new ForecastSetup(1, 4, 0, 1, 32, 0), 2, length, 1, false);
        for (double v : x) {
            f.update(0, v);
        }
        // Refitted at every sample: the last fit's window is the whole series.
        assertThat(f.order(0)).isEqualTo(2);
        assertThat(f.coefficient(0, 1)).isCloseTo(a1, within(0.15));
        assertThat(f.coefficient(0, 2)).isCloseTo(a2, within(0.15));
        assertThat(f.constant(0)).isCloseTo(0, within(0.01));
    }

    @Property(tries = 5)
    void aicPicksOrderTwoOnAr2DataMoreOftenThanNot(@ForAll long seed) {
        int series = 60;
        int length = 300;
        Random random = new Random(seed);
        ArForecaster aic = new ArForecaster(new ForecastSetup(series, 4, 0, 1, 32, 0), 6, length, 1, false);
        ArForecaster bic = new ArForecaster(new ForecastSetup(series, 4, 0, 1, 32, 0), 6, length, 1, true);
        for (int s = 0; s < series; s++) {
            for (double v : ar2(0.5, -0.35, length, random)) {
                aic.update(s, v);
                bic.update(s, v);
            }
        }
        int aicTwo = 0;
        int bicTwo = 0;
        for (int s = 0; s < series; s++) {
            aicTwo += aic.order(s) == 2 ? 1 : 0;
            bicTwo += bic.order(s) == 2 ? 1 : 0;
        }
        assertThat(aicTwo).isGreaterThan(series / 2);
        // BIC penalises extra lags harder: on data of order 2 it overfits less often than AIC.
        assertThat(bicTwo).isGreaterThanOrEqualTo(aicTwo - series / 10).isGreaterThan(series / 2);
    }

    @Property(tries = 200)
    void forecastsAreFiniteAndWithinTheRange(@ForAll @Size(min = 1, max = 150)
                                             List<@DoubleRange(min = 0, max = 1) Double> series,
                                             @ForAll @IntRange(min = 1, max = 8) int maxOrder,
                                             @ForAll @IntRange(min = 5, max = 60) int window,
                                             @ForAll @IntRange(min = 1, max = 20) int refit,
                                             @ForAll boolean bic) {
        ArForecaster f = new ArForecaster(new ForecastSetup(1, 6, 0, 1, 32, 0), maxOrder, window, refit, bic);
        for (double v : series) {
            f.update(0, v);
            for (int h = 1; h <= 30; h++) { // past the longest horizon too
                assertThat(f.point(0, h)).isFinite().isBetween(0.0, 1.0);
            }
        }
    }

    @Property(tries = 50)
    void anExplodingSeriesStillForecastsInsideTheRange(@ForAll @DoubleRange(min = 1.05, max = 1.5) double growth) {
        ArForecaster f = new ArForecaster(new ForecastSetup(1, 12, 0, 1, 32, 0), 3, 24, 1, false);
        double v = 1e-4;
        for (int t = 0; t < 40 && v <= 1; t++, v *= growth) {
            f.update(0, v);
        }
        for (int h = 1; h <= 12; h++) {
            assertThat(f.forecast(0, h, 0.9).point()).isFinite().isBetween(0.0, 1.0);
        }
    }

    /**
     * A flat series with a few spikes: least absolute deviations fit the flat level (the spikes are a minority of
     * the residuals), while least squares is pulled up towards them, so once the series is flat again the LAD
     * forecast is nearer the level.
     */
    @Property(tries = 50)
    void leastAbsoluteDeviations_shrugOffSpikes(@ForAll @DoubleRange(min = 0.05, max = 0.4) double level,
                                                @ForAll @DoubleRange(min = 0.3, max = 0.5) double spike,
                                                @ForAll long seed) {
        Random random = new Random(seed);
        ArForecaster squares = new ArForecaster(new ForecastSetup(1, 4, 0, 1, 32, 0), 2, 96, 1, false);
        ArForecaster absolute = new ArForecaster(new ForecastSetup(1, 4, 0, 1, 32, 0), 2, 96, 1, false, 10);
        for (int t = 0; t < 96; t++) {
            double v = level + 0.005 * random.nextGaussian() + (t % 12 == 5 && t < 90 ? spike : 0);
            squares.update(0, v);
            absolute.update(0, v);
        }
        assertThat(Math.abs(absolute.point(0, 1) - level)).isLessThan(Math.abs(squares.point(0, 1) - level));
        assertThat(absolute.point(0, 1)).isCloseTo(level, within(0.02));
    }
}
