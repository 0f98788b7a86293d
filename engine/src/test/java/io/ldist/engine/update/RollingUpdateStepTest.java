package io.ldist.engine.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.TestFleet;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.UpdateHost;
import io.ldist.engine.plan.UpdateProgress;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rolling update step on small hand-built fleets: each rule alone, plan in and plan out. */
class RollingUpdateStepTest {
    private static final HostType HOST = new HostType("h", 16, 2500, 0, 65536, 10000, 1.0,
            new PowerCurve(100, 250), 0, 0);
    private static final HostType SLOW = new HostType("slow", 16, 2500, 0, 65536, 10000, 1.0,
            new PowerCurve(100, 250), 240, 60);
    private static final VmType VM = TestFleet.vmType("vm", 4, 2500, 8192, 1);

    private static EngineSettings settings(DisruptionBudget budget, int maxHosts) {
        return new EngineSettings(new FleetRules(3, VmSizing.DEMAND, budget), EngineSettings.WEIGHTED_SCORER,
                LoadWeights.DEFAULT, "least-loaded", null, null, null, false,
                new ScalingSettings(0.9, 0.0, 60, 60, 1, maxHosts, 1, HOST, 0, false), 3, null, null,
                new PolicyContext(60, 0.5, 1));
    }

    /** Three active servers with one VM each, loaded 30 %, 10 % and 20 % of a VM, and one server in standby. */
    private static TestFleet fleet(HostType standbyType) {
        TestFleet fleet = TestFleet.aFleet();
        double[] demand = {3000, 1000, 2000};
        for (double mips : demand) {
            int host = fleet.withHost(HOST, HostState.ACTIVE);
            fleet.withVmOn(host, VM, mips);
        }
        fleet.withHost(standbyType, HostState.STANDBY);
        return fleet;
    }

    private static UpdateRequest bySize(int size) {
        return new UpdateRequest(HostSelector.ALL, BatchRule.ofSize(size), 0, 600, AbortRule.NONE);
    }

    private static <T extends Action> List<T> actions(Plan plan, Class<T> kind) {
        return plan.actions().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void firstBatch_addsCapacityThenTakesTheLeastLoadedServer() {
        TestFleet fleet = fleet(HOST);
        Engine engine = settings(null, 8).newEngine(true);
        engine.requestUpdate(bySize(1));

        Plan plan = engine.decide(fleet, Trigger.TICK);

        assertThat(actions(plan, ResumeHost.class)).extracting(a -> a.host().index(), ResumeHost::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, Reason.ROLLING_UPDATE));
        assertThat(actions(plan, UpdateHost.class)).extracting(a -> a.host().index()).containsExactly(1);
        assertThat(plan.actions()).anyMatch(a -> a.reason() == Reason.ROLLING_UPDATE && a.kind().equals("MigrateVm"));
        assertThat(plan.updates()).extracting(UpdateProgress::stage)
                .containsExactly(UpdateProgress.Stage.STARTED, UpdateProgress.Stage.BATCH_STARTED);
    }

    @Test
    void batchBiggerThanTheBudget_takesOnlyWhatTheBudgetAllows() {
        TestFleet fleet = fleet(HOST);
        // Room for the standby server only: the batch does not wait for launches.
        Engine engine = settings(new DisruptionBudget(1.0, 1), 4).newEngine(true);
        engine.requestUpdate(bySize(3));

        Plan plan = engine.decide(fleet, Trigger.TICK);

        assertThat(actions(plan, UpdateHost.class)).hasSize(1);
        assertThat(DisruptionBudget.disruptedHosts(fleet, plan)).hasSize(1);
    }

    @Test
    void capacityStillBooting_batchWaitsForIt() {
        TestFleet fleet = fleet(SLOW);
        Engine engine = settings(null, 8).newEngine(true);
        engine.requestUpdate(bySize(1));

        Plan first = engine.decide(fleet, Trigger.TICK);
        fleet.apply(first);
        fleet.withHostState(3, HostState.BOOTING);
        Plan whileBooting = engine.decide(fleet.at(30), Trigger.TICK);
        fleet.withHostState(3, HostState.ACTIVE);
        Plan once = engine.decide(fleet.at(60), Trigger.TICK);

        assertThat(actions(first, ResumeHost.class)).hasSize(1);
        assertThat(actions(first, UpdateHost.class)).isEmpty();
        assertThat(actions(whileBooting, UpdateHost.class)).isEmpty();
        assertThat(actions(once, UpdateHost.class)).hasSize(1);
    }

    @Test
    void fleetAtItsMaximum_updatesWithoutAddingCapacity() {
        // A standby server that resumes at once would be a migration target like any other: this one does not.
        TestFleet fleet = fleet(SLOW);
        Engine engine = settings(null, 3).newEngine(true);
        engine.requestUpdate(bySize(1));

        Plan plan = engine.decide(fleet, Trigger.TICK);

        assertThat(actions(plan, ResumeHost.class)).isEmpty();
        assertThat(actions(plan, LaunchHost.class)).isEmpty();
        assertThat(actions(plan, UpdateHost.class)).hasSize(1);
    }

    @Test
    void restartedEngine_resumesTheUpdateWhereItWas() {
        TestFleet first = fleet(HOST);
        TestFleet second = fleet(HOST);
        EngineSettings settings = settings(null, 8);
        Engine kept = settings.newEngine(true);
        Engine restarted = settings.newEngine(true);
        kept.requestUpdate(bySize(1));
        restarted.requestUpdate(bySize(1));
        first.apply(kept.decide(first, Trigger.TICK));
        second.apply(restarted.decide(second, Trigger.TICK));
        Engine fresh = settings.newEngine(true);
        fresh.recall(restarted.remember());

        // host-1 finished draining, was updated and is back: the next batch follows, alike in both.
        for (TestFleet fleet : List.of(first, second)) {
            fleet.withHostState(1, HostState.UPDATING);
        }
        Plan keptDown = kept.decide(first.at(300), Trigger.TICK);
        Plan freshDown = fresh.decide(second.at(300), Trigger.TICK);
        for (TestFleet fleet : List.of(first, second)) {
            fleet.withHostState(1, HostState.ACTIVE);
        }
        Plan keptBack = kept.decide(first.at(900), Trigger.TICK);
        Plan freshBack = fresh.decide(second.at(900), Trigger.TICK);

        assertThat(freshDown).isEqualTo(keptDown);
        assertThat(freshBack).isEqualTo(keptBack);
        assertThat(keptBack.updates()).extracting(UpdateProgress::stage)
                .containsExactly(UpdateProgress.Stage.BATCH_DONE, UpdateProgress.Stage.BATCH_STARTED);
    }

    @Test
    void abortRuleBreached_noNewBatch_andTheUpdateEndsWhenTheBatchIsBack() {
        TestFleet fleet = fleet(HOST);
        Engine engine = settings(null, 8).newEngine(true);
        engine.requestUpdate(new UpdateRequest(HostSelector.ALL, BatchRule.ofSize(1), 0, 600,
                new AbortRule(Double.NaN, 0, Double.NaN)));
        fleet.apply(engine.decide(fleet, Trigger.TICK));
        fleet.withQueuedTask(new io.ldist.engine.model.TaskRequest(new io.ldist.engine.model.TaskId(1),
                new io.ldist.engine.model.Resources(1e9, 0, 0, 0), 0, 10, 0)); // fits nowhere, past its deadline

        Plan breached = engine.decide(fleet.at(60), Trigger.TICK);
        fleet.withHostState(1, HostState.ACTIVE);
        Plan back = engine.decide(fleet.at(900), Trigger.TICK);

        assertThat(breached.updates()).extracting(UpdateProgress::stage).containsExactly(UpdateProgress.Stage.ABORTED);
        assertThat(actions(back, UpdateHost.class)).isEmpty();
        assertThat(back.updates()).extracting(UpdateProgress::stage)
                .containsExactly(UpdateProgress.Stage.BATCH_DONE, UpdateProgress.Stage.FINISHED);
    }

    @Test
    void lastServersFailWhileCapacityBoots_updateEnds() {
        TestFleet fleet = fleet(SLOW);
        Engine engine = settings(null, 8).newEngine(true);
        engine.requestUpdate(new UpdateRequest(HostSelector.ofIndexes(List.of(1)), BatchRule.ofSize(1), 0, 600,
                AbortRule.NONE));
        fleet.apply(engine.decide(fleet, Trigger.TICK));
        fleet.withHostState(3, HostState.BOOTING);
        fleet.withHostState(1, HostState.FAILED);

        Plan plan = engine.decide(fleet.at(30), Trigger.TICK);

        assertThat(actions(plan, UpdateHost.class)).isEmpty();
        assertThat(plan.updates()).extracting(UpdateProgress::stage).containsExactly(UpdateProgress.Stage.FINISHED);
        assertThat(plan.updates().get(0).detail()).contains("0 of 1 servers updated", "1 failed or left");
    }

    @Test
    void engineBuiltWithoutUpdates_refusesARequest() {
        Engine engine = settings(null, 8).newEngine();

        assertThatThrownBy(() -> engine.requestUpdate(bySize(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without rolling updates");
    }

    @Test
    void healthyShare_givesTheServersPerBatch() {
        assertThat(BatchRule.minHealthy(0.9).serversPerBatch(20)).isEqualTo(2);
        assertThat(BatchRule.minHealthy(0.9).serversPerBatch(5)).isEqualTo(1);
        assertThat(BatchRule.minHealthy(0.5).serversPerBatch(17)).isEqualTo(8);
        assertThat(BatchRule.ofSize(4).serversPerBatch(2)).isEqualTo(4);
    }
}
