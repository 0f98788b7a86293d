package io.ldist.engine.scale;

import io.ldist.engine.TestFleet;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StandbyPoolSizerTest {
    private static final FleetRules RULES = new FleetRules(3, VmSizing.RESERVATION);
    /** Boots in 4 minutes, resumes in 45 seconds. */
    private static final HostType METAL = new HostType("metal", 96, 2500, 0, 393216, 25000, 4.608,
            TestFleet.LINEAR_POWER, 240, 45);
    private static final int MAX_HOSTS = 12;

    private static CostModel costs(double stoppedPerHour, double perLateTask) {
        return new CostModel(Map.of("metal", new HostTypeCosts(0, stoppedPerHour, 0, 0)), 0, 0, 0, 0, perLateTask, 0);
    }

    private static StandbyPool costSized(int size, int minSize, double penalty) {
        return new StandbyPool(StandbyPool.Sizing.COST_SIZED, size, minSize, StandbyPool.UP_TO_MAX_HOSTS, penalty);
    }

    /**
     * Two hours of one-minute ticks on four active servers that complete 3 tasks a minute each, with a demand
     * of about three servers' worth that wobbles by {@code wobble}.
     */
    private static StandbyPoolSizer observed(StandbyPoolSizer sizer, double wobble) {
        TestFleet fleet = TestFleet.aFleet();
        for (int h = 0; h < 4; h++) {
            fleet.withHost(METAL, HostState.ACTIVE);
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int minute = 0; minute <= 120; minute++) {
            fleet.at(minute * 60.0);
            for (int h = 0; h < 4; h++) {
                fleet.withTaskOutcomes(h, 3L * minute, 0);
            }
            sizer.observe(new PlanningState(fleet, RULES, Trigger.TICK), 3 + wobble * (random.nextDouble() - 0.5), 4);
        }
        return sizer;
    }

    @Test
    void aFixedPoolKeepsItsSize() {
        var sizer = new StandbyPoolSizer(StandbyPool.fixed(2), CostModel.NONE, METAL, MAX_HOSTS, 0.8);
        assertThat(sizer.target(4)).isEqualTo(2);
        assertThat(sizer.target(12)).isEqualTo(2);
    }

    @Test
    void aWarmPoolHoldsThePreparedCapacityLessTheRunningServersAtLeastItsMinimum() {
        var upToMax = new StandbyPool(StandbyPool.Sizing.WARM_POOL, 0, 1, StandbyPool.UP_TO_MAX_HOSTS, Double.NaN);
        var sizer = new StandbyPoolSizer(upToMax, CostModel.NONE, METAL, MAX_HOSTS, 0.8);
        assertThat(sizer.target(4)).isEqualTo(8);
        assertThat(sizer.target(12)).isEqualTo(1);

        var prepared = new StandbyPool(StandbyPool.Sizing.WARM_POOL, 0, 0, 6, Double.NaN);
        assertThat(new StandbyPoolSizer(prepared, CostModel.NONE, METAL, MAX_HOSTS, 0.8).target(4)).isEqualTo(2);
    }

    @Test
    void aCostSizedPoolKeepsItsStartingSizeUntilItHasMeasured() {
        var sizer = new StandbyPoolSizer(costSized(3, 0, 0.05), costs(0.011, 0), METAL, MAX_HOSTS, 0.8);
        assertThat(sizer.target(4)).isEqualTo(3);
    }

    @Test
    void waitingThatCostsNothingKeepsTheMinimumAndFreeStorageKeepsThePreparedCapacity() {
        var freeWaits = observed(new StandbyPoolSizer(costSized(3, 1, Double.NaN), costs(0.011, 0), METAL, MAX_HOSTS,
                0.8), 0.4);
        assertThat(freeWaits.target(4)).isEqualTo(1);

        var freeStorage = observed(new StandbyPoolSizer(costSized(3, 0, 0.05), costs(0, 0), METAL, MAX_HOSTS, 0.8),
                0.4);
        assertThat(freeStorage.target(4)).isEqualTo(8);
    }

    @Test
    void thePoolCoversTheForecastsFractileThatThePricesSetAndShrinksAsStorageGetsDearer() {
        // Tasks that wait cost 0.05 each (the scenario's late-task price, no penalty given); a server short
        // for 195 s makes 0.05 tasks/s x 195 s wait: about 0.49 USD, against 0.011 USD/h x 4 min of storage.
        var cheap = observed(new StandbyPoolSizer(costSized(0, 0, Double.NaN), costs(0.011, 0.05), METAL, MAX_HOSTS,
                0.8), 2.0);
        var dear = observed(new StandbyPoolSizer(costSized(0, 0, Double.NaN), costs(50, 0.05), METAL, MAX_HOSTS,
                0.8), 2.0);

        // Demand about 3 servers' worth, wobbling by up to 1, needs about 4 servers at the 0.8 threshold and
        // more at a high fractile: cheap storage keeps one or more beyond the four running, dear storage (a
        // fractile near 0) fewer.
        assertThat(cheap.target(4)).isBetween(1, 3);
        assertThat(dear.target(4)).isLessThan(cheap.target(4));
    }

    @Test
    void whatItMeasuredSurvivesARestart() {
        var before = observed(new StandbyPoolSizer(costSized(0, 0, Double.NaN), costs(0.011, 0.05), METAL, MAX_HOSTS,
                0.8), 2.0);
        var after = new StandbyPoolSizer(costSized(0, 0, Double.NaN), costs(0.011, 0.05), METAL, MAX_HOSTS, 0.8);
        after.recall(before.rememberCompletions(), before.rememberDemand());
        assertThat(after.target(4)).isEqualTo(before.target(4));
    }
}
