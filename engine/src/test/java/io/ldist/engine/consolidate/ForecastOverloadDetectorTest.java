package io.ldist.engine.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.TestFleet;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.forecast.LastValueForecaster;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.registry.PolicyContext;
import org.junit.jupiter.api.Test;

/**
 * The forecast detector with the persistence forecaster (the next value is the latest, so the interval is the
 * quantile of the history's own step changes, worked out by hand) on a server holding one VM as large as the
 * server, whose history is therefore the server's.
 */
class ForecastOverloadDetectorTest {
    private static final FleetRules DEMAND = new FleetRules(FleetRules.NO_VM_LIMIT, VmSizing.DEMAND);
    private static final HostType HOST = new HostType("g5", 2, 2660, 0, 4096, 1000, 0,
            new PowerCurve(93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135), 0, 0);
    /** 1740 MiB over half of 1 Gbit/s: a 27.8 s migration. */
    private static final VmType WHOLE = new VmType("whole", 2, 2660, 0, 1740, 100, 1);
    private static final OverloadDetector ALWAYS = (host, plan, extra) -> true;
    private static final OverloadDetector NEVER = (host, plan, extra) -> false;

    private static boolean overloaded(double threshold, double confidence, OverloadDetector fallback,
                                      PolicyContext context, double... newestFirst) {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        int vm = fleet.withVmOn(h, WHOLE, newestFirst[0] * WHOLE.totalMips());
        fleet.withHistory(vm, newestFirst);
        PlanningState plan = new PlanningState(fleet, DEMAND, Trigger.TICK);
        return new ForecastOverloadDetector(threshold, confidence, LastValueForecaster::new, fallback, context)
                .isOverloaded(h, plan, -1);
    }

    private static double[] alternating(double newest, double other, int samples) {
        double[] newestFirst = new double[samples];
        for (int age = 0; age < samples; age++) {
            newestFirst[age] = age % 2 == 0 ? newest : other;
        }
        return newestFirst;
    }

    @Test
    void aTightIntervalUnderTheThreshold_isNotOverloaded() {
        // Steps of 0.01: the upper bound is 0.81 + 0.01, under 0.9.
        assertThat(overloaded(0.9, 0.9, ALWAYS, PolicyContext.DEFAULT, alternating(0.81, 0.80, 20))).isFalse();
    }

    @Test
    void aWideIntervalAcrossTheThreshold_isOverloadedThoughThePointIsUnder() {
        // The same latest 0.81, but steps of 0.3: the upper bound 1.11 crosses 0.9.
        assertThat(overloaded(0.9, 0.9, NEVER, PolicyContext.DEFAULT, alternating(0.81, 0.51, 20))).isTrue();
        // Latest 0.69: the upper bound 0.99 stays under a threshold of 1.
        assertThat(overloaded(1.0, 0.9, NEVER, PolicyContext.DEFAULT, alternating(0.69, 0.39, 20))).isFalse();
    }

    @Test
    void aPointAboveTheThreshold_isOverloadedWhateverTheInterval() {
        double[] flat = alternating(0.95, 0.95, 20);
        assertThat(overloaded(0.9, 0.9, NEVER, PolicyContext.DEFAULT, flat)).isTrue();
    }

    @Test
    void theHorizonIsTheLongestMigration_inWholeDecisionIntervals() {
        // A ramp of 0.02 a sample, newest 0.84: one step ahead persistence errs by 0.02 (upper 0.86), three steps
        // ahead by 0.06 (upper 0.90).
        double[] ramp = new double[20];
        for (int age = 0; age < ramp.length; age++) {
            ramp[age] = 0.84 - 0.02 * age;
        }
        // Decisions every 300 s: the 27.8 s migration is one interval ahead.
        assertThat(overloaded(0.88, 0.9, NEVER, PolicyContext.DEFAULT, ramp)).isFalse();
        // Decisions every 10 s: three intervals ahead.
        assertThat(overloaded(0.88, 0.9, NEVER, new PolicyContext(10, 0.5, 1), ramp)).isTrue();
    }

    @Test
    void tooShortAHistory_leavesTheDecisionToTheFallback() {
        double[] nine = alternating(0.1, 0.1, ForecastOverloadDetector.MINIMUM_SAMPLES - 1);
        assertThat(overloaded(0.9, 0.9, ALWAYS, PolicyContext.DEFAULT, nine)).isTrue();
        assertThat(overloaded(0.9, 0.9, NEVER, PolicyContext.DEFAULT, alternating(0.95, 0.95, 9))).isFalse();
    }

    @Test
    void tooFewErrorsForTheConfidence_leaveTheDecisionToTheFallback() {
        // Ten samples give nine one-step errors: enough for 0.9 (the 9th smallest), not for 0.95 (a 10th).
        double[] ten = alternating(0.1, 0.1, 10);
        assertThat(overloaded(0.9, 0.9, ALWAYS, PolicyContext.DEFAULT, ten)).isFalse();
        assertThat(overloaded(0.9, 0.95, ALWAYS, PolicyContext.DEFAULT, ten)).isTrue();
    }
}
