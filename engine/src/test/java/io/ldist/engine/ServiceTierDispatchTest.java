package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.dispatch.TaskDispatcher;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.LeastLoadedPlacementPolicy;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.scale.ThresholdScalingStep;
import io.ldist.engine.score.DominantResourceScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service tiers in the engine: freed room goes to the waiting task of the first tier rank even when a task of a
 * lower tier has waited longer, in a whole decision and on the per-task path alike; within a tier, the oldest
 * first; and a task waiting past its tier's wait objective scales the fleet out when the load would not.
 */
class ServiceTierDispatchTest {
    private static final HostType HOST = new HostType("h", 4, 2000, 0, 16384, 1000, 1, new PowerCurve(100, 200), 0, 0);
    /** One slot: one task at a time. */
    private static final VmType ONE_SLOT = TestFleet.vmType("w", 4, 2000, 8192, 1);
    private static final Resources TASK = new Resources(1000, 0, 512, 0);

    private static TaskRequest task(long id, int tier, double arrivalS, double startByS) {
        return new TaskRequest(new TaskId(id), TASK, arrivalS, Double.POSITIVE_INFINITY, 0, tier, startByS);
    }

    private static TestFleet oneFreeSlot() {
        TestFleet fleet = TestFleet.aFleet().at(100);
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        fleet.withVmOn(h, ONE_SLOT, 0);
        return fleet;
    }

    @Test
    void aWholeDecision_givesTheSlotToTheFirstTier_thenTheOldestWithinIt() {
        TestFleet fleet = oneFreeSlot();
        fleet.withQueuedTask(task(1, 2, 10, Double.POSITIVE_INFINITY)); // bronze, waiting longest
        fleet.withQueuedTask(task(2, 0, 60, Double.POSITIVE_INFINITY)); // gold
        fleet.withQueuedTask(task(3, 0, 30, Double.POSITIVE_INFINITY)); // gold, joined the queue after 2
        TaskDispatcher dispatcher = new TaskDispatcher(new LeastLoadedPlacementPolicy(new DominantResourceScorer()),
                HostGate.ALWAYS_OPEN);
        Engine engine = new Engine(new FleetRules(3, VmSizing.RESERVATION), List.of(new DispatchStep(dispatcher)),
                dispatcher);

        Plan plan = engine.decide(fleet, Trigger.TASKS_QUEUED);

        assertThat(plan.actions()).extracting(a -> ((AssignTask) a).task()).containsExactly(new TaskId(2));
    }

    @Test
    void thePerTaskPath_handsFreedRoomToTheFirstTierToo() {
        TestFleet fleet = oneFreeSlot();
        TaskDispatcher dispatcher = new TaskDispatcher(new LeastLoadedPlacementPolicy(new DominantResourceScorer()),
                HostGate.ALWAYS_OPEN);
        Engine engine = new Engine(new FleetRules(3, VmSizing.RESERVATION), List.of(new DispatchStep(dispatcher)),
                dispatcher);
        TaskRequest running = task(1, 1, 0, Double.POSITIVE_INFINITY);
        fleet.withQueuedTask(running);
        Plan first = engine.decide(fleet, Trigger.TASKS_QUEUED);
        fleet.apply(first);
        // Two arrivals find the slot taken: bronze first, then gold.
        TaskChanges arrivals = new TaskChanges();
        for (TaskRequest waiting : List.of(task(2, 1, 101, Double.POSITIVE_INFINITY),
                task(3, 0, 102, Double.POSITIVE_INFINITY))) {
            fleet.withQueuedTask(waiting);
            arrivals.queued(waiting);
        }
        assertThat(engine.dispatch(fleet.at(102), arrivals).actions()).isEmpty();

        fleet.endTask(0, 0, true);
        TaskChanges ended = new TaskChanges();
        ended.taskEnded(0);
        Plan freed = engine.dispatch(fleet.at(103), ended);

        assertThat(freed.actions()).extracting(a -> ((AssignTask) a).task()).containsExactly(new TaskId(3));
    }

    @Test
    void aTaskPastItsWaitObjective_resumesAServer_oneWithinItDoesNot() {
        assertThat(scaleOutsFor(task(1, 0, 0, 50))).as("waiting since 0, due to start by 50, now 100").hasSize(1);
        assertThat(scaleOutsFor(task(1, 0, 0, 150))).as("still within its objective").isEmpty();
        assertThat(scaleOutsFor(task(1, 0, 0, Double.POSITIVE_INFINITY))).as("no objective").isEmpty();
    }

    /** One busy server (its one slot taken, at 25 % load), one in standby, and {@code waiting} in the queue. */
    private static List<Action> scaleOutsFor(TaskRequest waiting) {
        TestFleet fleet = TestFleet.aFleet().at(100);
        int h = fleet.withHost(HOST, HostState.ACTIVE);
        int vm = fleet.withVmOn(h, ONE_SLOT, 0);
        fleet.withHost(HOST, HostState.STANDBY);
        fleet.withQueuedTask(task(0, 0, 0, Double.POSITIVE_INFINITY));
        fleet.apply(new Plan(0, List.of(new AssignTask(new TaskId(0), io.ldist.engine.model.VmId.of(vm),
                io.ldist.engine.plan.Reason.DISPATCH))));
        fleet.withQueuedTask(waiting);
        ScalingSettings settings = new ScalingSettings(0.8, 0.2, 300, 300, 1, 4, 1, HOST, 0, false);
        DominantResourceScorer scorer = new DominantResourceScorer();
        Engine engine = new Engine(new FleetRules(3, VmSizing.RESERVATION),
                List.of(new ThresholdScalingStep(settings, scorer, new LeastLoadedPlacementPolicy(scorer))));
        return engine.decide(fleet, Trigger.TICK).actions().stream().filter(ResumeHost.class::isInstance).toList();
    }
}
