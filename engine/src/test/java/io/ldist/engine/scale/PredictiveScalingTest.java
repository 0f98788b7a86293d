package io.ldist.engine.scale;

import io.ldist.engine.TestFleet;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.EngineMemory;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.LeastLoadedPlacementPolicy;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.score.DominantResourceScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PredictiveScalingTest {
    /** 20,000 MIPS, booting in four minutes. */
    private static final HostType HOST = new HostType("h", 8, 2500, 0, 65536, 1000, 1, new PowerCurve(100, 200),
            240, 0);
    private static final VmType VM = new VmType("w", 8, 2500, 0, 1024, 100, 8);
    private static final int SERVERS = 4;

    private static Engine engine(ScaleOutForecast forecast) {
        ScalingSettings settings = new ScalingSettings(0.8, 0.2, 300, 300, 1, 12, 1, HOST, 0, false, forecast);
        DominantResourceScorer scorer = new DominantResourceScorer();
        return new Engine(new FleetRules(3, VmSizing.DEMAND),
                List.of(new ThresholdScalingStep(settings, scorer, new LeastLoadedPlacementPolicy(scorer))));
    }

    /** Four servers with one VM each whose demand is {@code share} of a server, at minute {@code minute}. */
    private static TestFleet fleetAt(int minute, double share) {
        TestFleet fleet = TestFleet.aFleet().at(minute * 60.0);
        for (int i = 0; i < SERVERS; i++) {
            int h = fleet.withHost(HOST, HostState.ACTIVE);
            fleet.withVmOn(h, VM, share * HOST.totalMips());
        }
        return fleet;
    }

    /** A slow daily-like ramp: 20 % of each server for an hour, then rising 1.5 points a minute. */
    private static double ramp(int minute) {
        return minute < 60 ? 0.2 : Math.min(1.0, 0.2 + 0.015 * (minute - 60));
    }

    /** The first minute a load-driven scale-out is planned, or -1. */
    private static int firstScaleOut(Engine engine) {
        for (int minute = 0; minute < 120; minute++) {
            Plan plan = engine.decide(fleetAt(minute, ramp(minute)), Trigger.TICK);
            for (Action action : plan.actions()) {
                if (action instanceof LaunchHost launch && launch.reason() == Reason.SCALE_OUT) {
                    return minute;
                }
            }
        }
        return -1;
    }

    @Test
    void aRisingDemandIsProvisionedForBeforeTheThresholdIsCrossed() {
        int threshold = firstScaleOut(engine(null));
        int predictive = firstScaleOut(engine(new ScaleOutForecast("holt", 0.9, 300)));

        // The window's mean crosses 0.8 some minutes after the load does; the forecast sees the rise coming.
        assertThat(threshold).isGreaterThan(100);
        assertThat(predictive).isPositive().isLessThan(threshold - 5);
    }

    @Test
    void forecastOnlyAdvisesWhereItWouldHaveLaunchedAndLaunchesAsThresholdsAlone() {
        Engine thresholds = engine(null);
        Engine advising = engine(new ScaleOutForecast("holt", 0.9, 300, true));
        int firstAdvice = -1;
        for (int minute = 0; minute < 120; minute++) {
            Plan alone = thresholds.decide(fleetAt(minute, ramp(minute)), Trigger.TICK);
            Plan advised = advising.decide(fleetAt(minute, ramp(minute)), Trigger.TICK);
            assertThat(advised.actions()).isEqualTo(alone.actions());
            if (firstAdvice < 0 && !advised.advice().isEmpty()) {
                firstAdvice = minute;
                assertThat(advised.advice().get(0).serversNeeded()).isGreaterThan(SERVERS);
                assertThat(advised.advice().get(0).describe()).contains("forecast only, nothing launched");
            }
        }
        assertThat(firstAdvice).isEqualTo(firstScaleOut(engine(new ScaleOutForecast("holt", 0.9, 300))));
    }

    @Test
    void aSteadyDemandLaunchesNothingAndTheForecastHoldsBackNoScaleInItDoesNotNeed() {
        Engine engine = engine(new ScaleOutForecast("holt", 0.9, 300));
        List<Action> all = new ArrayList<>();
        for (int minute = 0; minute < 60; minute++) {
            all.addAll(engine.decide(fleetAt(minute, 0.1), Trigger.TICK).actions());
        }
        assertThat(all).noneMatch(a -> a instanceof LaunchHost);
        assertThat(all).anyMatch(a -> a instanceof DrainHost d && d.reason() == Reason.SCALE_IN);
    }

    @Test
    void aDailyPeakSeenYesterdayIsProvisionedForBeforeItComesToday() {
        // 10 % of each server all day but from 10:00 to 12:00, when it is 90 %: by the second day the season knows.
        int peakFrom = 600;
        Engine threshold = engine(null);
        Engine seasonal = engine(new ScaleOutForecast("holt-winters", 0.9, 300));
        int thresholdFirst = -1;
        int seasonalFirst = -1;
        for (int minute = 0; minute < 2 * 1440; minute++) {
            int ofDay = minute % 1440;
            double share = ofDay >= peakFrom && ofDay < peakFrom + 120 ? 0.9 : 0.1;
            boolean secondDay = minute >= 1440;
            if (scalesOut(threshold.decide(fleetAt(minute, share), Trigger.TICK)) && secondDay && thresholdFirst < 0) {
                thresholdFirst = ofDay;
            }
            if (scalesOut(seasonal.decide(fleetAt(minute, share), Trigger.TICK)) && secondDay && seasonalFirst < 0) {
                seasonalFirst = ofDay;
            }
        }
        assertThat(thresholdFirst).isGreaterThanOrEqualTo(peakFrom);
        assertThat(seasonalFirst).isBetween(peakFrom - 10, peakFrom - 1);
    }

    private static boolean scalesOut(Plan plan) {
        return plan.actions().stream().anyMatch(a -> a instanceof LaunchHost l && l.reason() == Reason.SCALE_OUT);
    }

    @Test
    void anEngineGivenTheMemoryDecidesAsTheOneThatHadIt() {
        Engine first = engine(new ScaleOutForecast("holt-winters", 0.9, 300));
        for (int minute = 0; minute < 70; minute++) {
            first.decide(fleetAt(minute, ramp(minute)), Trigger.TICK);
        }
        EngineMemory memory = first.remember();
        Engine second = engine(new ScaleOutForecast("holt-winters", 0.9, 300));
        second.recall(memory);
        for (int minute = 70; minute < 120; minute++) {
            assertThat(second.decide(fleetAt(minute, ramp(minute)), Trigger.TICK))
                    .isEqualTo(first.decide(fleetAt(minute, ramp(minute)), Trigger.TICK));
        }
    }
}
