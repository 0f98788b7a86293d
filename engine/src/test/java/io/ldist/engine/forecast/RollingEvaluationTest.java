package io.ldist.engine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RollingEvaluationTest {
    @Test
    void persistenceOnARampIsOffByTheRampOverTheHorizonAndNeverPeeks() {
        double[][] ramp = new double[2][100];
        for (int t = 0; t < 100; t++) {
            ramp[0][t] = t / 200.0;
            ramp[1][t] = 0.5;
        }
        RollingEvaluation.Score[] scores = RollingEvaluation.evaluate(ramp, new int[] {1, 4}, 10, 0.9, 0, 1, 100, 0,
                LastValueForecaster::new);

        // Series 0 errs by h/200 (times 100: h/2 points), series 1 not at all: pooled, h/4.
        assertThat(scores[0].mae()).isCloseTo(0.25, within(1e-9));
        assertThat(scores[1].mae()).isCloseTo(1.0, within(1e-9));
        assertThat(scores[1].forecasts()).isEqualTo(2 * (100 - 4 - 9));
    }

    @Test
    void aForecasterThatKnewTheFutureWouldHaveNoErrorButTheEvaluationGivesItNone() {
        double[][] steps = {{0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9}};
        RollingEvaluation.Score[] scores = RollingEvaluation.evaluate(steps, new int[] {1}, 1, 0.9, 0, 1, 100, 0,
                LastValueForecaster::new);

        // Every next sample differs from the last by 0.8: only a forecast that saw it could do better.
        assertThat(scores[0].mae()).isCloseTo(80, within(1e-9));
    }
}
