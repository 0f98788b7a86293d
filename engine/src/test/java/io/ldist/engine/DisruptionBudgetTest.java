package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.consolidate.ConsolidationStep;
import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisruptionBudgetTest {
    private static final HostType HOST = TestFleet.hostType("h", 8, 2500, 32768);
    private static final VmType VM = TestFleet.vmType("v", 1, 2500, 1024, 2);

    /** Ten servers, each with one VM at 10 % of it: every one of them is worth emptying. */
    private static TestFleet tenUnderloadedServers() {
        TestFleet fleet = TestFleet.aFleet();
        for (int i = 0; i < 10; i++) {
            int h = fleet.withHost(HOST, HostState.ACTIVE);
            fleet.withVmOn(h, VM, 0.1 * VM.totalMips());
        }
        return fleet;
    }

    private static Plan consolidate(DisruptionBudget budget) {
        var placement = new PowerAwareBestFitDecreasingPlacementPolicy();
        Engine engine = new Engine(new FleetRules(3, VmSizing.DEMAND, budget), List.of(new ConsolidationStep(
                new ThresholdOverloadDetector(0.9), new MinimumMigrationTimeVmSelector(), placement,
                new LeastUtilizedUnderloadPolicy(1, true))));
        return engine.decide(tenUnderloadedServers(), Trigger.TICK);
    }

    private static long drains(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof DrainHost).count();
    }

    @Test
    void withoutABudgetConsolidationEmptiesAsManyServersAsItCan() {
        assertThat(drains(consolidate(null))).isGreaterThan(3);
    }

    @Test
    void aBudgetOfAFifthEmptiesTwoOfTenAndAnAbsoluteCapOne() {
        Plan fifth = consolidate(new DisruptionBudget(0.2, 0));
        assertThat(drains(fifth)).isEqualTo(2);
        assertThat(DisruptionBudget.disruptedHosts(tenUnderloadedServers(), fifth)).hasSize(2);
        assertThat(drains(consolidate(new DisruptionBudget(0.2, 1)))).isEqualTo(1);
    }

    @Test
    void atLeastOneServerMayAlwaysBeDisrupted() {
        assertThat(new DisruptionBudget(0.1, 0).allowed(3)).isEqualTo(1);
        assertThat(new DisruptionBudget(0.25, 0).allowed(8)).isEqualTo(2);
        assertThat(new DisruptionBudget(1, 3).allowed(8)).isEqualTo(3);
    }
}
