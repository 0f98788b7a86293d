package io.ldist.engine;

import io.ldist.engine.affinity.AffinityRule;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.consolidate.ConsolidationStep;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.decide.DecisionStep;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.FailoverStep;
import io.ldist.engine.model.HostState;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.provision.PendingVmStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ldist.engine.PolicyVerifierTest.G5;
import static io.ldist.engine.PolicyVerifierTest.MICRO;
import static io.ldist.engine.PolicyVerifierTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Affinity rules on tiny hand-built clusters, one decision step at a time: the cluster in, the plan out. */
class AffinityVerifierTest {
    private static final PowerAwareBestFitDecreasingPlacementPolicy PABFD =
            new PowerAwareBestFitDecreasingPlacementPolicy();

    private static FleetRules with(AffinityRule... rules) {
        return new FleetRules(3, VmSizing.DEMAND).withAffinity(new AffinityRules(List.of(rules)));
    }

    private static AffinityRule hard(AffinityRule.Kind kind, int... vms) {
        return new AffinityRule("rule", kind, AffinityRule.HARD, vms);
    }

    private static Plan decide(TestFleet fleet, FleetRules rules, DecisionStep step) {
        return new Engine(rules, List.of(step)).decide(fleet, Trigger.TICK);
    }

    private static int placedOn(Plan plan, int vm) {
        for (Action action : plan.actions()) {
            if (action instanceof PlaceVm place && place.vm().index() == vm) {
                return place.host().index();
            }
            if (action instanceof MigrateVm move && move.vm().index() == vm) {
                return move.to().index();
            }
        }
        return -1;
    }

    @Test
    void hardApart_vmAvoidsTheServerPabfdWouldChooseBecauseItsPartnerIsThere() {
        TestFleet fleet = TestFleet.aFleet();
        int light = fleet.withHost(G5, HostState.ACTIVE);
        int busy = busyServer(fleet);
        int partner = fleet.withVmOn(light, MICRO, 100);
        int b = fleet.withPendingVm(MICRO);

        Plan free = decide(fleet, with(), new PendingVmStep(PABFD));
        Plan apart = decide(fleet, with(hard(AffinityRule.Kind.APART, partner, b)), new PendingVmStep(PABFD));

        assertThat(placedOn(free, b)).as("where its power rises least, without the rule").isEqualTo(light);
        assertThat(placedOn(apart, b)).isEqualTo(busy);
    }

    /**
     * A server at 28 % (1,500 of 5,320 MIPS), where G5's power curve is steeper than near idle: power-aware best fit
     * prefers a lighter server to it.
     */
    private static int busyServer(TestFleet fleet) {
        int busy = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(busy, SMALL, 1000);
        fleet.withVmOn(busy, MICRO, 500);
        return busy;
    }

    @Test
    void hardApart_noServerLeft_theVmStaysUnplaced() {
        TestFleet fleet = TestFleet.aFleet();
        int only = fleet.withHost(G5, HostState.ACTIVE);
        int a = fleet.withVmOn(only, MICRO, 100);
        int b = fleet.withPendingVm(MICRO);

        Plan plan = decide(fleet, with(hard(AffinityRule.Kind.APART, a, b)), new PendingVmStep(PABFD));

        assertThat(placedOn(plan, b)).isEqualTo(-1);
    }

    @Test
    void hardTogether_pendingVmFollowsItsPartner() {
        TestFleet fleet = TestFleet.aFleet();
        int idle = fleet.withHost(G5, HostState.ACTIVE);
        int busy = busyServer(fleet);
        int partner = fleet.vmsOn(busy).get(1);
        int b = fleet.withPendingVm(MICRO);

        Plan free = decide(fleet, with(), new PendingVmStep(PABFD));
        Plan together = decide(fleet, with(hard(AffinityRule.Kind.TOGETHER, partner, b)), new PendingVmStep(PABFD));

        assertThat(placedOn(free, b)).as("elsewhere without the rule").isEqualTo(idle);
        assertThat(placedOn(together, b)).isEqualTo(busy);
    }

    @Test
    void failover_replacesAVmAwayFromItsApartPartner() {
        TestFleet fleet = TestFleet.aFleet();
        int failing = fleet.withHost(G5, HostState.ACTIVE);
        int partnerHost = fleet.withHost(G5, HostState.ACTIVE);
        int busy = busyServer(fleet);
        int a = fleet.withVmOn(failing, MICRO, 300);
        int partner = fleet.withVmOn(partnerHost, MICRO, 100);
        fleet.withMissedChecks(failing, 3);

        Plan free = decide(fleet, with(), new FailoverStep(3, PABFD));
        Plan apart = decide(fleet, with(hard(AffinityRule.Kind.APART, a, partner)), new FailoverStep(3, PABFD));

        assertThat(placedOn(free, a)).as("next to it without the rule").isEqualTo(partnerHost);
        assertThat(placedOn(apart, a)).isEqualTo(busy);
    }

    @Test
    void hardTogether_consolidationLeavesTheGroupWhereItIsRatherThanSplitIt() {
        TestFleet fleet = TestFleet.aFleet();
        int hot = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withHost(G5, HostState.ACTIVE);
        int a = fleet.withVmOn(hot, SMALL, 1000);
        int b = fleet.withVmOn(hot, SMALL, 1000);
        ConsolidationStep step = new ConsolidationStep(new ThresholdOverloadDetector(0.3),
                new MinimumMigrationTimeVmSelector(), PABFD, null);

        Plan free = decide(fleet, with(), step);
        Plan together = decide(fleet, with(hard(AffinityRule.Kind.TOGETHER, a, b)), step);

        assertThat(free.actions()).as("one moves without the rule").hasAtLeastOneElementOfType(MigrateVm.class);
        assertThat(together.actions()).noneMatch(MigrateVm.class::isInstance);
    }

    @Test
    void softApart_strongWeightSeparatesAndAWeakOneOnlyBreaksTies() {
        TestFleet fleet = TestFleet.aFleet();
        int light = fleet.withHost(G5, HostState.ACTIVE);
        int busy = busyServer(fleet);
        int partner = fleet.withVmOn(light, MICRO, 100);
        int b = fleet.withPendingVm(MICRO);

        int free = placedOn(decide(fleet, with(), new PendingVmStep(PABFD)), b);
        int strong = placedOn(decide(fleet, with(new AffinityRule("soft", AffinityRule.Kind.APART, 1,
                new int[] {partner, b})), new PendingVmStep(PABFD)), b);
        int weak = placedOn(decide(fleet, with(new AffinityRule("soft", AffinityRule.Kind.APART, 1e-9,
                new int[] {partner, b})), new PendingVmStep(PABFD)), b);

        assertThat(free).isEqualTo(light);
        assertThat(strong).isEqualTo(busy);
        assertThat(weak).isEqualTo(light);
    }

    @Test
    void contradictoryHardRules_refused() {
        assertThatThrownBy(() -> with(hard(AffinityRule.Kind.TOGETHER, 0, 1), hard(AffinityRule.Kind.TOGETHER, 1, 2),
                new AffinityRule("spread", AffinityRule.Kind.APART, AffinityRule.HARD, new int[] {0, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vm-0 and vm-2 must be kept apart by spread but together by rule");
    }
}
