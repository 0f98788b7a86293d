package io.ldist.live.execute;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmId;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.TerminateHost;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.state.LiveFleet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanGuardTest {
    private static LiveFleet fleetOf(int active) {
        LiveFleet fleet = new LiveFleet("c");
        for (int h = 0; h < active; h++) {
            fleet.addHost(LiveConfigs.METAL, "t" + h, "i-" + h, HostState.ACTIVE);
        }
        fleet.addVm(LiveConfigs.WORKER);
        fleet.placements().place(0, 0);
        return fleet;
    }

    @Test
    void drainingMoreServersAtOnceThanTheBudgetAllowsIsRefused() {
        PlanGuard guard = new PlanGuard(new SafetyCaps(20, 100, 10, 10, 0.25));
        LiveFleet fleet = fleetOf(8);
        Plan two = new Plan(0, List.of(new DrainHost(HostId.of(1), DrainHost.AfterDrain.STOP, Reason.SCALE_IN),
                new DrainHost(HostId.of(2), DrainHost.AfterDrain.STOP, Reason.SCALE_IN)));
        assertThat(guard.refusals(two, fleet)).isEmpty();
        fleet.setHostState(3, HostState.DRAINING);
        assertThat(guard.refusals(two, fleet)).singleElement().asString()
                .contains("disruption budget: 3 of 8 active servers").contains("budget 25 % (2)");
    }

    @Test
    void migrationsCountAgainstTheBudgetUnlessTheyAreAFailover() {
        PlanGuard guard = new PlanGuard(new SafetyCaps(20, 100, 10, 10, 0.25));
        LiveFleet fleet = fleetOf(4);
        Plan consolidation = new Plan(0, List.of(
                new MigrateVm(VmId.of(0), HostId.of(0), HostId.of(1), Reason.UNDERLOAD),
                new DrainHost(HostId.of(2), DrainHost.AfterDrain.STOP, Reason.SCALE_IN)));
        assertThat(guard.refusals(consolidation, fleet)).singleElement().asString().contains("2 of 4");
        Plan failover = new Plan(0, List.of(new MigrateVm(VmId.of(0), HostId.of(0), HostId.of(1), Reason.FAILOVER),
                new DrainHost(HostId.of(2), DrainHost.AfterDrain.STOP, Reason.SCALE_IN)));
        assertThat(guard.refusals(failover, fleet)).isEmpty();
    }

    @Test
    void launchesAndTerminationsCountOverASlidingHour() {
        PlanGuard guard = new PlanGuard(new SafetyCaps(20, 100, 2, 1, 1));
        LiveFleet fleet = fleetOf(2);
        Plan launch = new Plan(0, List.of(new LaunchHost(HostId.of(2), LiveConfigs.METAL, false, Reason.SCALE_OUT)));
        guard.applied(launch, 0);
        guard.applied(launch, 10);
        assertThat(guard.refusals(launch, fleet)).singleElement().asString()
                .contains("1 in this plan after 2 in the last hour, cap maxLaunchesPerHour 2");
        fleet.setNow(3600.5); // the launch at 0 has left the hour: one in it, one more allowed
        assertThat(guard.refusals(launch, fleet)).isEmpty();
        fleet.setNow(3611);
        Plan terminate = new Plan(3611, List.of(new TerminateHost(HostId.of(1), Reason.SCALE_IN)));
        guard.applied(terminate, 3611);
        assertThat(guard.refusals(terminate, fleet)).singleElement().asString().contains("maxTerminationsPerHour 1");
    }

    @Test
    void costCountsRunningServersAfterThePlan() {
        PlanGuard guard = new PlanGuard(new SafetyCaps(20, 10, 10, 10, 1));
        LiveFleet fleet = fleetOf(2); // 9.216 USD/h
        Plan launch = new Plan(0, List.of(new LaunchHost(HostId.of(2), LiveConfigs.METAL, false, Reason.SCALE_OUT)));
        assertThat(guard.refusals(launch, fleet)).singleElement().asString()
                .isEqualTo("cost: the plan runs servers costing 13.82 USD/h, cap maxCostPerHour 10.00");
        Plan swap = new Plan(0, List.of(new LaunchHost(HostId.of(2), LiveConfigs.METAL, false, Reason.SCALE_OUT),
                new TerminateHost(HostId.of(1), Reason.SCALE_IN)));
        assertThat(guard.refusals(swap, fleet)).isEmpty();
    }
}
