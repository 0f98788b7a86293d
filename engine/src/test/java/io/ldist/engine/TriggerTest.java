package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.consolidate.ConsolidationStep;
import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.failover.CircuitBreakers;
import io.ldist.engine.failover.FailoverCapacityStep;
import io.ldist.engine.failover.FailoverStep;
import io.ldist.engine.place.FirstFitPlacementPolicy;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.provision.IdleHostStep;
import io.ldist.engine.provision.PendingVmStep;
import io.ldist.engine.provision.ProvisioningStep;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.ThresholdScalingStep;
import io.ldist.engine.score.DominantResourceScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drivers ask once per instant, for the stronger of the triggers gathered: that is right only while every step
 * that answers a weaker trigger answers the stronger one too, which is checked here on every step there is.
 */
class TriggerTest {

    @Test
    void aStrongerTrigger_runsEveryStepAWeakerOneRuns() {
        PlacementPolicy placement = new FirstFitPlacementPolicy(false);
        List<DecisionStep> steps = List.of(
                new CircuitBreakers(new CircuitBreakerSettings(0.5, 3, 60, 60)),
                new FailoverStep(3, placement),
                new PendingVmStep(placement),
                new ProvisioningStep(new VmTemplate(TestFleet.vmType("vm", 2, 2500, 1024, 2), 1)),
                new DispatchStep(placement, HostGate.ALWAYS_OPEN),
                new ConsolidationStep(new ThresholdOverloadDetector(0.8), new MinimumMigrationTimeVmSelector(),
                        placement, new LeastUtilizedUnderloadPolicy(1, true)),
                new ThresholdScalingStep(new ScalingSettings(0.8, 0.2, 300, 300, 1, 10, 1,
                        TestFleet.hostType("h", 8, 2500, 65536), 0, false), new DominantResourceScorer(), placement),
                new FailoverCapacityStep(),
                new IdleHostStep());
        for (Trigger weaker : Trigger.values()) {
            for (Trigger other : Trigger.values()) {
                Trigger stronger = Trigger.stronger(weaker, other);
                for (DecisionStep step : steps) {
                    if (step.respondsTo(weaker)) {
                        assertThat(step.respondsTo(stronger)).as("%s answers %s, so it must answer %s",
                                step.getClass().getSimpleName(), weaker, stronger).isTrue();
                    }
                }
            }
        }
        assertThat(Trigger.stronger(null, Trigger.TASKS_QUEUED)).isEqualTo(Trigger.TASKS_QUEUED);
        assertThat(Trigger.stronger(Trigger.TICK, Trigger.HEALTH_CHECK)).isEqualTo(Trigger.TICK);
    }
}
