package io.ldist.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The selector against members whose errors are known. */
class SelectorForecasterProperties {
    private static final int HORIZON = 4;

    private static ForecastSetup setup() {
        return new ForecastSetup(1, HORIZON, 0, 1, 32, 0);
    }

    /** The latest sample plus a fixed offset: a member whose error on a flat series is the offset. */
    private static final class Offset extends AbstractForecaster {
        private final double offset;

        Offset(ForecastSetup setup, double offset) {
            super(setup, 1);
            this.offset = offset;
        }

        @Override
        protected void learn(int series, double value, long index) {
        }

        @Override
        protected double predict(int series, int horizon) {
            return recent(series, 0) + offset;
        }
    }

    @Property(tries = 100)
    void withOneMember_itIsThatMember(@ForAll @Size(min = 1, max = 100)
                                      List<@DoubleRange(min = 0, max = 1) Double> series,
                                      @ForAll boolean median) {
        Forecaster alone = new ArForecaster(setup(), 3, 24, 5, false);
        Forecaster selector = new SelectorForecaster(setup(), List.of(new ArForecaster(setup(), 3, 24, 5, false)),
                0.9, 2, median);
        for (double v : series) {
            alone.update(0, v);
            selector.update(0, v);
            for (int h = 1; h <= HORIZON + 2; h++) {
                assertThat(selector.point(0, h)).isEqualTo(alone.point(0, h));
            }
        }
    }

    /**
     * On a noisy flat series (noise within +-0.05), a member off by {@code small} errs by at most small + 0.1 and
     * one off by 0.3 by at least 0.2: the first weighs more at every horizon, and the weighted median is its
     * forecast once its weight passes a half.
     */
    @Property(tries = 100)
    void theMemberWithTheLowerErrorWeighsMore(@ForAll @DoubleRange(min = -0.09, max = 0.09) double small,
                                              @ForAll @DoubleRange(min = 0.3, max = 0.5) double level,
                                              @ForAll boolean bigBelow, @ForAll long seed) {
        Random random = new Random(seed);
        Forecaster good = new Offset(setup(), small);
        Forecaster bad = new Offset(setup(), bigBelow ? -0.3 : 0.3);
        SelectorForecaster selector = new SelectorForecaster(setup(), List.of(new Offset(setup(), small),
                new Offset(setup(), bigBelow ? -0.3 : 0.3)), 0.9, 2, true);
        for (int t = 0; t < 40; t++) {
            double v = level + 0.1 * (random.nextDouble() - 0.5);
            good.update(0, v);
            bad.update(0, v);
            selector.update(0, v);
        }
        for (int h = 1; h <= HORIZON; h++) {
            assertThat(selector.weight(0, 0, h)).isGreaterThan(selector.weight(0, 1, h)).isGreaterThan(0.5);
            assertThat(selector.point(0, h)).isEqualTo(good.point(0, h));
        }
    }

    @Property(tries = 50)
    void beforeAnyErrorIsKnown_theMembersWeighTheSame(@ForAll @DoubleRange(min = 0, max = 1) double first) {
        SelectorForecaster selector = new SelectorForecaster(setup(), List.of(new LastValueForecaster(setup()),
                new MovingAverageForecaster(setup(), 12), new EwmaForecaster(setup(), 0.3)), 0.9, 2, false);
        selector.update(0, first);
        for (int m = 0; m < 3; m++) {
            assertThat(selector.weight(0, m, 1)).isEqualTo(1.0 / 3);
        }
        assertThat(selector.point(0, 1)).isEqualTo(first, org.assertj.core.api.Assertions.within(1e-12));
    }
}
