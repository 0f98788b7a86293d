package io.ldist.sim;

import io.ldist.engine.cost.CostBreakdown;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.sim.record.RunRecorder;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.sim.world.TaskBook;
import io.ldist.sim.world.VirtualFleet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A run's cost by part, on a fleet small enough to price by hand. */
class CostBreakdownTest {
    private static final HostType HOST = new HostType("h", 4, 1000, 0, 8192, 1000, 3.6, new PowerCurve(100, 200), 0, 0);
    private static final HostType OTHER = new HostType("o", 4, 1000, 0, 8192, 1000, 1.0, new PowerCurve(100, 200), 0, 0);

    /** One server runs the hour; a second waits stopped for half of it, then runs; an unpriced type runs too. */
    private static CostBreakdown hourOfTwoServers(CostModel costs) {
        VirtualFleet fleet = new VirtualFleet(MigrationModel.STUDY, new TaskBook());
        RunRecorder recorder = new RunRecorder(costs);
        fleet.addHost(HOST, HostState.ACTIVE);
        int standby = fleet.addHost(HOST, HostState.STANDBY);
        fleet.addHost(OTHER, HostState.ACTIVE);
        fleet.setNow(0);
        fleet.allocate();
        recorder.closeStretch(0, fleet);
        recorder.openStretch(fleet);
        fleet.setNow(1800);
        fleet.allocate();
        recorder.closeStretch(1800, fleet);
        fleet.setHostState(standby, HostState.ACTIVE);
        fleet.allocate();
        recorder.openStretch(fleet);
        fleet.setNow(3600);
        fleet.allocate();
        recorder.closeStretch(3600, fleet);
        recorder.openStretch(fleet);
        return recorder.costs(3600);
    }

    @Test
    void withoutPrices_aRunCostsItsOnDemandHoursOnly() {
        CostBreakdown costs = hourOfTwoServers(CostModel.NONE);

        assertThat(costs.onDemandUsd()).isCloseTo(3.6 * 1.5 + 1.0, within(1e-9));
        assertThat(costs.totalUsd()).isEqualTo(costs.onDemandUsd());
        assertThat(costs.parts().values().stream().skip(1)).containsOnly(0.0);
    }

    @Test
    void aReservationCoversRunningServersUpToItsCount_andIsPaidForTheWholeRun() {
        CostModel prices = new CostModel(Map.of("h", new HostTypeCosts(0.36, 0.1, 1, 2.0)), 0, 0, 0, 0, 0, 0);

        CostBreakdown costs = hourOfTwoServers(prices);

        // h: 1.5 server-hours, 1 of them covered; o (no reservation) pays its hour
        assertThat(costs.onDemandUsd()).isCloseTo(3.6 * 0.5 + 1.0, within(1e-9));
        assertThat(costs.reservedUsd()).isCloseTo(2.0, within(1e-9));
        assertThat(costs.licencesUsd()).isCloseTo(0.36 * 1.5, within(1e-9));
        assertThat(costs.standbyUsd()).isCloseTo(0.1 * 0.5, within(1e-9));
        assertThat(costs.totalUsd()).isCloseTo(1.8 + 1.0 + 2.0 + 0.54 + 0.05, within(1e-9));
    }

    @Test
    void anUnusedReservation_isStillPaid() {
        CostModel prices = new CostModel(Map.of("h", new HostTypeCosts(0, 0, 5, 2.0)), 0, 0, 0, 0, 0, 0);

        CostBreakdown costs = hourOfTwoServers(prices);

        assertThat(costs.onDemandUsd()).isCloseTo(1.0, within(1e-9)); // every h server-hour is covered
        assertThat(costs.reservedUsd()).isCloseTo(5 * 2.0, within(1e-9));
    }

    @Test
    void energyIsPricedPerKWh() {
        CostModel prices = new CostModel(Map.of(), 0.25, 0, 0, 0, 0, 0);

        CostBreakdown costs = hourOfTwoServers(prices);

        // idle servers draw 100 W: two for the hour, one for half of it (a stopped server draws nothing)
        assertThat(costs.energyUsd()).isCloseTo(0.25 * 0.25, within(1e-9));
    }
}
