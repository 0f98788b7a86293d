package io.ldist.engine;

import io.ldist.engine.consolidate.ConsolidationStep;
import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.failover.CircuitBreakers;
import io.ldist.engine.failover.FailoverCapacityStep;
import io.ldist.engine.failover.FailoverStep;
import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmId;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.FirstFitPlacementPolicy;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.provision.PendingVmStep;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.ThresholdScalingStep;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.WeightedLoadScorer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One policy at a time on a tiny hand-built cluster: the cluster in, the plan out. */
class PolicyVerifierTest {
    static final FleetRules DEMAND = new FleetRules(FleetRules.NO_VM_LIMIT, VmSizing.DEMAND);
    static final FleetRules RESERVED = new FleetRules(3, VmSizing.RESERVATION);
    static final HostType G4 = new HostType("g4", 2, 1860, 0, 4096, 1000, 0,
            new PowerCurve(86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117), 0, 0);
    static final HostType G5 = new HostType("g5", 2, 2660, 0, 4096, 1000, 0,
            new PowerCurve(93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135), 0, 0);
    static final VmType SMALL = new VmType("small", 1, 1000, 0, 1740, 100, 1);
    static final VmType MICRO = new VmType("micro", 1, 500, 0, 613, 100, 1);
    static final VmType WORKER = new VmType("worker", 2, 1000, 0, 2048, 100, 4);

    private static Plan decide(TestFleet fleet, FleetRules rules, Trigger trigger, io.ldist.engine.decide.DecisionStep... steps) {
        return new Engine(rules, List.of(steps)).decide(fleet, trigger);
    }

    // ------------------------------------------------------------------ THR and MMT

    @Test
    void threshold_overloadedOnlyAboveTheThreshold() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(G5, HostState.ACTIVE); // 5320 MIPS
        fleet.withVmOn(h, SMALL, 1000);
        fleet.withVmOn(h, SMALL, 1000);
        ThresholdOverloadDetector thr = new ThresholdOverloadDetector(0.8);
        PlanningState plan = new PlanningState(fleet, DEMAND, Trigger.TICK);

        assertThat(thr.isOverloaded(h, plan, -1)).isFalse(); // 2000 / 5320 = 0.38
        int big = fleet.withVmOn(h, SMALL, 1000);
        PlanningState withThree = new PlanningState(fleet, DEMAND, Trigger.TICK);
        assertThat(thr.isOverloaded(h, withThree, -1)).isFalse(); // 0.56
        assertThat(new ThresholdOverloadDetector(0.5).isOverloaded(h, withThree, -1)).isTrue();
        assertThat(big).isEqualTo(2);
    }

    @Test
    void minimumMigrationTime_picksTheLeastRamAndTheOldestOnATie() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(h, SMALL, 900);
        int firstMicro = fleet.withVmOn(h, MICRO, 400);
        fleet.withVmOn(h, MICRO, 450);

        int chosen = new MinimumMigrationTimeVmSelector().select(h, new PlanningState(fleet, DEMAND, Trigger.TICK));

        assertThat(chosen).isEqualTo(firstMicro);
    }

    // ------------------------------------------------------------------ PABFD

    @Test
    void pabfd_placesWhereThePowerRisesLeastCountingFromMeasuredPower() {
        TestFleet fleet = TestFleet.aFleet();
        int g4 = fleet.withHost(G4, HostState.ACTIVE);
        int g5 = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(g4, MICRO, 400);
        fleet.withVmOn(g5, MICRO, 400);
        int pending = fleet.withPendingVm(MICRO); // placed at its full 500 MIPS

        Plan plan = decide(fleet, DEMAND, Trigger.TICK,
                new PendingVmStep(new PowerAwareBestFitDecreasingPlacementPolicy()));

        // g4: P(900/3720) - P(400/3720) = 3.47 W; g5: P(900/5320) - P(400/5320) = 2.96 W.
        assertThat(plan.actions()).containsExactly(
                new PlaceVm(VmId.of(pending), MICRO, HostId.of(g5), Reason.INITIAL_PLACEMENT));
    }

    @Test
    void pabfd_wakesAStandbyServerWhenThatRaisesPowerLeast() {
        TestFleet fleet = TestFleet.aFleet();
        int busy = fleet.withHost(G4, HostState.ACTIVE);
        int off = fleet.withHost(G5, HostState.STANDBY);
        fleet.withVmOn(busy, SMALL, 1800); // g4 at 0.48: its next 10 % step costs 2.5 W per 372 MIPS
        int pending = fleet.withPendingVm(MICRO);

        Plan plan = decide(fleet, DEMAND, Trigger.TICK,
                new PendingVmStep(new PowerAwareBestFitDecreasingPlacementPolicy()));

        assertThat(plan.actions()).containsExactly(new ResumeHost(HostId.of(off), Reason.INITIAL_PLACEMENT),
                new PlaceVm(VmId.of(pending), MICRO, HostId.of(off), Reason.INITIAL_PLACEMENT));
    }

    // ------------------------------------------------------------------ consolidation

    /**
     * hot: 3500 of 5320 MIPS (over 0.6); light: 300; medium: 1900. The VMs hold no RAM once running (the trace
     * model of CloudSim), so only CPU limits where they go.
     */
    private static TestFleet threeServers() {
        TestFleet fleet = TestFleet.aFleet();
        int hot = fleet.withHost(G5, HostState.ACTIVE);
        int light = fleet.withHost(G5, HostState.ACTIVE);
        int medium = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(hot, SMALL, 1000, 0);
        fleet.withVmOn(hot, SMALL, 1000, 0);
        fleet.withVmOn(hot, SMALL, 1000, 0);
        fleet.withVmOn(hot, MICRO, 500, 0);
        fleet.withVmOn(light, MICRO, 300, 0);
        fleet.withVmOn(medium, SMALL, 1000, 0);
        fleet.withVmOn(medium, SMALL, 900, 0);
        return fleet;
    }

    @Test
    void consolidation_leavesAServerWhoseVmsDoNotAllFitElsewhere() {
        TestFleet fleet = TestFleet.aFleet();
        int a = fleet.withHost(G5, HostState.ACTIVE);
        int b = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(a, SMALL, 600); // 1740 MB each: b cannot hold a's two VMs beside its own
        fleet.withVmOn(a, SMALL, 600);
        fleet.withVmOn(b, SMALL, 1500);

        Plan plan = decide(fleet, DEMAND, Trigger.TICK, firstFitConsolidation(true));

        assertThat(plan.actions()).isEmpty();
    }

    private static ConsolidationStep firstFitConsolidation(boolean spareTargets) {
        return new ConsolidationStep(new ThresholdOverloadDetector(0.6), new MinimumMigrationTimeVmSelector(),
                new FirstFitPlacementPolicy(false), new LeastUtilizedUnderloadPolicy(1, spareTargets));
    }

    @Test
    void consolidation_relievesTheOverloadedServerThenEmptiesAnUnderloadedOne() {
        Plan plan = decide(threeServers(), DEMAND, Trigger.TICK, firstFitConsolidation(true));

        // The hot server sheds its least-RAM VM (vm-3) to the first server with room; the light server just
        // received it, so it is spared, and the medium one is emptied onto it.
        assertThat(plan.actions()).containsExactly(
                new MigrateVm(VmId.of(3), HostId.of(0), HostId.of(1), Reason.OVERLOAD),
                new MigrateVm(VmId.of(5), HostId.of(2), HostId.of(1), Reason.UNDERLOAD),
                new MigrateVm(VmId.of(6), HostId.of(2), HostId.of(1), Reason.UNDERLOAD),
                new DrainHost(HostId.of(2), DrainHost.AfterDrain.STOP, Reason.UNDERLOAD));
    }

    @Test
    void consolidation_notSparingTargetsMovesAVmOnceToWhereItEnds() {
        Plan plan = decide(threeServers(), DEMAND, Trigger.TICK, firstFitConsolidation(false));

        // The light server, least utilised, is emptied too, with the VM it was about to receive: vm-3 makes one
        // net move, from the hot server straight to the medium one. First fit keeps the server's VM order.
        assertThat(plan.actions()).containsExactly(
                new MigrateVm(VmId.of(4), HostId.of(1), HostId.of(2), Reason.UNDERLOAD),
                new MigrateVm(VmId.of(3), HostId.of(0), HostId.of(2), Reason.UNDERLOAD),
                new DrainHost(HostId.of(1), DrainHost.AfterDrain.STOP, Reason.UNDERLOAD));
    }

    @Test
    void consolidation_emptiesAServerWhenAllItsVmsFitElsewhereAndDrainsIt() {
        TestFleet fleet = TestFleet.aFleet();
        int a = fleet.withHost(G5, HostState.ACTIVE);
        int b = fleet.withHost(G5, HostState.ACTIVE);
        int vmA = fleet.withVmOn(a, MICRO, 300);
        fleet.withVmOn(b, SMALL, 1000);
        ConsolidationStep step = new ConsolidationStep(new ThresholdOverloadDetector(0.8),
                new MinimumMigrationTimeVmSelector(), new PowerAwareBestFitDecreasingPlacementPolicy(),
                new LeastUtilizedUnderloadPolicy(1, true));

        Plan plan = decide(fleet, DEMAND, Trigger.TICK, step);

        assertThat(plan.actions()).containsExactly(
                new MigrateVm(VmId.of(vmA), HostId.of(a), HostId.of(b), Reason.UNDERLOAD),
                new DrainHost(HostId.of(a), DrainHost.AfterDrain.STOP, Reason.UNDERLOAD));
    }

    // ------------------------------------------------------------------ failover

    @Test
    void failover_waitsForTheConfiguredNumberOfMissedChecks() {
        TestFleet fleet = TestFleet.aFleet();
        int sick = fleet.withHost(G5, HostState.ACTIVE);
        int healthy = fleet.withHost(G5, HostState.ACTIVE);
        int vm = fleet.withVmOn(sick, MICRO, 100);
        FailoverStep step = new FailoverStep(3, new FirstFitPlacementPolicy(false));

        fleet.withMissedChecks(sick, 2);
        assertThat(decide(fleet, RESERVED, Trigger.HEALTH_CHECK, step).actions()).isEmpty();

        fleet.withMissedChecks(sick, 3);
        assertThat(decide(fleet, RESERVED, Trigger.HEALTH_CHECK, step).actions()).containsExactly(
                new FenceHost(HostId.of(sick), Reason.FAILOVER),
                new PlaceVm(VmId.of(vm), MICRO, HostId.of(healthy), Reason.FAILOVER));
    }

    @Test
    void failoverWithoutScaling_resumesAWarmServerForVmsThatFitNowhere() {
        TestFleet fleet = TestFleet.aFleet();
        int sick = fleet.withHost(G5, HostState.ACTIVE);
        int full = fleet.withHost(G5, HostState.ACTIVE);
        // A warm server that takes 30 s to resume: the VM cannot go there until it runs.
        HostType slowToResume = new HostType("g5-warm", 2, 2660, 0, 4096, 1000, 0, G5.power(), 0, 30);
        int spare = fleet.withHost(slowToResume, HostState.STANDBY);
        for (int i = 0; i < 3; i++) {
            fleet.withVmOn(full, MICRO, 100); // the VM limit of 3: nothing more fits there
        }
        fleet.withVmOn(sick, SMALL, 1000);
        fleet.withMissedChecks(sick, 3);

        Plan plan = decide(fleet, RESERVED, Trigger.HEALTH_CHECK, new FailoverStep(3, new FirstFitPlacementPolicy(false)),
                new FailoverCapacityStep());

        assertThat(plan.actions()).containsExactly(new FenceHost(HostId.of(sick), Reason.FAILOVER),
                new ResumeHost(HostId.of(spare), Reason.FAILOVER));
    }

    @Test
    void failoverWithoutScaling_launchesServersOfTheFailedTypeWhenNoneIsWarm_upToTheStartingFleetSize() {
        TestFleet fleet = TestFleet.aFleet();
        int sick = fleet.withHost(G5, HostState.ACTIVE);
        for (int i = 0; i < 3; i++) {
            fleet.withVmOn(sick, SMALL, 1000);
        }
        int other = fleet.withHost(G4, HostState.ACTIVE);
        for (int i = 0; i < 3; i++) {
            fleet.withVmOn(other, MICRO, 100);
        }
        fleet.withMissedChecks(sick, 3);
        // Three 1740 MB VMs need two servers of 4096 MB, but the fleet started with two servers: one is launched,
        // and the third VM waits for the failed server's repair (or for room).
        FailoverCapacityStep capacity = new FailoverCapacityStep();
        decide(fleet, RESERVED, Trigger.TICK, capacity); // the first decision: two servers run
        Plan plan = decide(fleet, RESERVED, Trigger.HEALTH_CHECK, new FailoverStep(3, new FirstFitPlacementPolicy(false)),
                capacity);

        assertThat(plan.actions()).containsExactly(new FenceHost(HostId.of(sick), Reason.FAILOVER),
                new LaunchHost(HostId.of(2), G5, false, Reason.FAILOVER));
        fleet.apply(plan); // the new server boots
        assertThat(decide(fleet, RESERVED, Trigger.TICK, capacity).actions())
                .as("nothing more while the replacement boots").isEmpty();
        fleet.withHostState(2, HostState.ACTIVE); // it runs; two of the VMs go there, one still waits
        assertThat(decide(fleet, RESERVED, Trigger.TICK, new PendingVmStep(new FirstFitPlacementPolicy(false)),
                capacity).actions()).as("the fleet is back at its size").hasSize(2).allMatch(a -> a instanceof PlaceVm);
    }

    @Test
    void failoverWithoutScaling_doesNothingWhenTheDisplacedVmsFoundRoom() {
        TestFleet fleet = TestFleet.aFleet();
        int sick = fleet.withHost(G5, HostState.ACTIVE);
        int roomy = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withHost(G5, HostState.STANDBY);
        int vm = fleet.withVmOn(sick, MICRO, 100);
        fleet.withMissedChecks(sick, 3);

        Plan plan = decide(fleet, RESERVED, Trigger.HEALTH_CHECK, new FailoverStep(3, new FirstFitPlacementPolicy(false)),
                new FailoverCapacityStep());

        assertThat(plan.actions()).containsExactly(new FenceHost(HostId.of(sick), Reason.FAILOVER),
                new PlaceVm(VmId.of(vm), MICRO, HostId.of(roomy), Reason.FAILOVER));
    }

    // ------------------------------------------------------------------ circuit breaker

    @Test
    void circuitBreaker_opensOnErrorsThenLetsOneProbeThroughAndClosesOnSuccess() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(G5, HostState.ACTIVE);
        CircuitBreakers breakers = new CircuitBreakers(new CircuitBreakerSettings(0.5, 4, 300, 120));

        fleet.at(0).withTaskOutcomes(h, 2, 1);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        assertThat(breakers.admits(h)).as("3 outcomes are below minTasks").isTrue();

        fleet.at(60).withTaskOutcomes(h, 2, 3);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        assertThat(breakers.admits(h)).as("3 failures in 5 tasks open it").isFalse();

        fleet.at(150);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        assertThat(breakers.admits(h)).as("still open before 120 s").isFalse();

        fleet.at(200);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        assertThat(breakers.admits(h)).as("half-open: a probe may go").isTrue();
        breakers.routed(h);
        assertThat(breakers.admits(h)).as("only one probe").isFalse();

        fleet.at(230).withTaskOutcomes(h, 3, 3);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        assertThat(breakers.admits(h)).as("the probe succeeded").isTrue();
    }

    @Test
    void circuitBreaker_reopensWhenTheProbeFails() {
        TestFleet fleet = TestFleet.aFleet();
        int h = fleet.withHost(G5, HostState.ACTIVE);
        CircuitBreakers breakers = new CircuitBreakers(new CircuitBreakerSettings(0.5, 2, 300, 60));
        fleet.at(0).withTaskOutcomes(h, 0, 2);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        fleet.at(70);
        decide(fleet, RESERVED, Trigger.TICK, breakers);
        breakers.routed(h);

        fleet.at(80).withTaskOutcomes(h, 0, 3);
        decide(fleet, RESERVED, Trigger.TICK, breakers);

        assertThat(breakers.admits(h)).isFalse();
    }

    // ------------------------------------------------------------------ scaling

    private static ThresholdScalingStep scaling(int min, int max, int pool) {
        return new ThresholdScalingStep(new ScalingSettings(0.8, 0.2, 120, 180, min, max, 1, G5, pool, false),
                new WeightedLoadScorer(new LoadWeights(0, 1, 0, 0)), new FirstFitPlacementPolicy(false));
    }

    private static TestFleet busyFleet(double demandPerVm, boolean withStandby) {
        TestFleet fleet = TestFleet.aFleet();
        int a = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(a, WORKER, demandPerVm);
        fleet.withVmOn(a, WORKER, demandPerVm);
        if (withStandby) {
            fleet.withHost(G5, HostState.STANDBY);
        }
        return fleet;
    }

    @Test
    void scaling_waitsForAFullWindowThenResumesFromTheWarmPoolFirst() {
        TestFleet fleet = busyFleet(2400, true); // 4800 / 5320 = 0.9 > 0.8
        ThresholdScalingStep step = scaling(1, 4, 1);

        assertThat(decide(fleet.at(0), RESERVED, Trigger.TICK, step).actions()).as("no full window yet").isEmpty();
        assertThat(decide(fleet.at(60), RESERVED, Trigger.TICK, step).actions()).isEmpty();
        List<Action> actions = decide(fleet.at(120), RESERVED, Trigger.TICK, step).actions();

        assertThat(actions).startsWith(new ResumeHost(HostId.of(1), Reason.SCALE_OUT));
        assertThat(actions).contains(new LaunchHost(HostId.of(2), G5, true, Reason.STANDBY_POOL));
    }

    @Test
    void scaling_respectsTheCooldownAndTheMaximum() {
        TestFleet fleet = busyFleet(2400, false);
        ThresholdScalingStep step = scaling(1, 2, 0);
        decide(fleet.at(0), RESERVED, Trigger.TICK, step);
        List<Action> first = decide(fleet.at(120), RESERVED, Trigger.TICK, step).actions();
        assertThat(first).containsExactly(new LaunchHost(HostId.of(1), G5, false, Reason.SCALE_OUT));

        fleet.withHost(G5, HostState.ACTIVE); // the launched server is up, the fleet still hot
        assertThat(decide(fleet.at(240), RESERVED, Trigger.TICK, step).actions()).as("cooldown").isEmpty();
        assertThat(decide(fleet.at(400), RESERVED, Trigger.TICK, step).actions()).as("at the maximum").isEmpty();
    }

    @Test
    void scaling_drainsTheLeastLoadedServerWhenTheFleetIsIdle() {
        TestFleet fleet = TestFleet.aFleet();
        int a = fleet.withHost(G5, HostState.ACTIVE);
        int b = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(a, WORKER, 500);
        fleet.withVmOn(b, WORKER, 100);
        ThresholdScalingStep step = scaling(1, 4, 0);
        decide(fleet.at(0), RESERVED, Trigger.TICK, step);

        List<Action> actions = decide(fleet.at(120), RESERVED, Trigger.TICK, step).actions();

        assertThat(actions).containsExactly(new DrainHost(HostId.of(b), DrainHost.AfterDrain.TERMINATE, Reason.SCALE_IN));
    }

    @Test
    void scaling_neverDrainsBelowTheMinimum() {
        TestFleet fleet = TestFleet.aFleet();
        int a = fleet.withHost(G5, HostState.ACTIVE);
        fleet.withVmOn(a, WORKER, 10);
        ThresholdScalingStep step = scaling(1, 4, 0);
        decide(fleet.at(0), RESERVED, Trigger.TICK, step);

        assertThat(decide(fleet.at(600), RESERVED, Trigger.TICK, step).actions()).isEmpty();
    }
}
