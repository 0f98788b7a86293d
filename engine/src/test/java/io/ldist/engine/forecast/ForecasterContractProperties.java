package io.ldist.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** What every forecaster promises (the Forecaster interface), checked on each one. */
class ForecasterContractProperties {
    private static final int HORIZON = 4;

    private static final List<Function<ForecastSetup, Forecaster>> MAKERS = List.of(
            LastValueForecaster::new,
            s -> new MovingAverageForecaster(s, 12),
            s -> new EwmaForecaster(s, 0.3),
            s -> new MedianForecaster(s, 24, 0.5, 0.95),
            s -> new HoltWintersForecaster(s, 0.5, 0.1, 0.05, 0.95, false),
            s -> new HoltWintersForecaster(s, 0.5, 0.1, 0.05, 0.95, true),
            s -> new ArForecaster(s, 6, 48, 12, false),
            s -> new ArForecaster(s, 3, 24, 1, true),
            s -> new ArForecaster(s, 4, 32, 3, false, 10),
            s -> new SelectorForecaster(s, List.of(new MedianForecaster(s, 24, 0.5, 0.95),
                    new MovingAverageForecaster(s, 12), new ArForecaster(s, 6, 48, 12, false)), 0.9, 2, true),
            s -> new SelectorForecaster(s, List.of(new LastValueForecaster(s), new EwmaForecaster(s, 0.3)), 0.5, 1,
                    false));

    @Provide
    Arbitrary<Function<ForecastSetup, Forecaster>> forecasters() {
        return Arbitraries.of(MAKERS);
    }

    private static ForecastSetup setup(int samplesPerDay) {
        return new ForecastSetup(1, HORIZON, 0, 1, 32, samplesPerDay);
    }

    @Property(tries = 60)
    void aConstantSeriesIsForecastExactly(@ForAll("forecasters") Function<ForecastSetup, Forecaster> maker,
                                          @ForAll @DoubleRange(min = 0, max = 1) double level) {
        Forecaster f = maker.apply(setup(24));
        for (int i = 0; i < 60; i++) {
            f.update(0, level);
        }
        for (int h = 1; h <= HORIZON; h++) {
            assertThat(f.point(0, h)).isCloseTo(level, within(1e-9));
            assertThat(f.halfWidth(0, h, 0.9)).isCloseTo(0, within(1e-9));
        }
    }

    @Property(tries = 100)
    void theIntervalHoldsThePointAndWidensWithTheConfidence(
            @ForAll("forecasters") Function<ForecastSetup, Forecaster> maker,
            @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = 0, max = 1) Double> series,
            @ForAll @IntRange(min = 1, max = HORIZON) int horizon) {
        Forecaster f = maker.apply(setup(24));
        series.forEach(v -> f.update(0, v));
        Forecast narrow = f.forecast(0, horizon, 0.5);
        Forecast wide = f.forecast(0, horizon, 0.95);
        assertThat(narrow.lower()).isLessThanOrEqualTo(narrow.point());
        assertThat(narrow.upper()).isGreaterThanOrEqualTo(narrow.point());
        assertThat(wide.point()).isEqualTo(narrow.point());
        assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
        assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper());
        assertThat(wide.lower()).isGreaterThanOrEqualTo(0);
        assertThat(wide.upper()).isLessThanOrEqualTo(1);
    }

    @Property(tries = 100)
    void theSameSamplesGiveTheSameForecasts(@ForAll("forecasters") Function<ForecastSetup, Forecaster> maker,
            @ForAll @Size(min = 2, max = 80) List<@DoubleRange(min = 0, max = 1) Double> past) {
        Forecaster a = maker.apply(setup(24));
        Forecaster b = maker.apply(setup(24));
        past.forEach(v -> a.update(0, v));
        past.forEach(v -> b.update(0, v));
        for (int h = 1; h <= HORIZON; h++) {
            assertThat(a.point(0, h)).isEqualTo(b.point(0, h)).isNotNaN();
        }
    }

    @Test
    void holtWintersLearnsADailyShapeThatHoltAloneMisses() {
        int perDay = 48;
        Forecaster seasonal = new HoltWintersForecaster(setup(perDay), 0.3, 0.05, 0.3, 0.95, true);
        Forecaster holt = new HoltWintersForecaster(setup(perDay), 0.3, 0.05, 0.3, 0.95, false);
        double[] seasonalMade = new double[5 * perDay + HORIZON];
        double[] holtMade = new double[5 * perDay + HORIZON];
        double seasonalError = 0;
        double holtError = 0;
        for (int t = 0; t < 5 * perDay; t++) {
            double value = 0.5 + 0.3 * Math.sin(2 * Math.PI * t / perDay);
            if (t >= 3 * perDay) { // judged on days 4 and 5, against forecasts made HORIZON samples before
                seasonalError += Math.abs(seasonalMade[t] - value);
                holtError += Math.abs(holtMade[t] - value);
            }
            seasonal.update(0, value);
            holt.update(0, value);
            seasonalMade[t + HORIZON] = seasonal.point(0, HORIZON);
            holtMade[t + HORIZON] = holt.point(0, HORIZON);
        }
        assertThat(seasonalError).isLessThan(holtError / 3);
    }
}
