package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.FirstFitPlacementPolicy;
import io.ldist.engine.place.FitPlacementPolicy;
import io.ldist.engine.place.LeastLoadedPlacementPolicy;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.place.PowerAwareBestFitDecreasingPlacementPolicy;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.WeightedLoadScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which server a task goes to under each placement policy. Three servers of one type, each running one VM
 * with room: "spread" at index 0 asks for 2000 MIPS, "busy" at 1 for 3000, "idle" at 2 for 1000 (of 5320), and
 * the task asks for 1000 more. The power curve is concave (steep, then flat), so the busiest server's power
 * rises least.
 */
class DispatchTest {
    private static final HostType HOST = new HostType("h", 2, 2660, 0, 16384, 1000, 0,
            new PowerCurve(100, 140, 150), 0, 0);
    private static final VmType WORKER = TestFleet.vmType("worker", 2, 2660, 8192, 8);
    private static final Resources TASK = new Resources(1000, 0, 512, 0);
    private static final int SPREAD = 0;
    private static final int BUSY = 1;
    private static final int IDLE = 2;

    @Test
    void leastLoaded_sendsTheTaskToTheLeastLoadedServer() {
        assertThat(serverChosenBy(new LeastLoadedPlacementPolicy(new WeightedLoadScorer(LoadWeights.DEFAULT))))
                .isEqualTo(IDLE);
    }

    @Test
    void firstFit_packsTasksOntoTheLowestNumberedServerWithRoom() {
        assertThat(serverChosenBy(new FirstFitPlacementPolicy(false))).isEqualTo(SPREAD);
    }

    @Test
    void bestFit_choosesTheServerLeftWithTheLeastRoom_worstFitTheMost() {
        // Room after the task: spread (5320 - 3000) / 5320 = 0.44, busy 0.25, idle 0.62 (RAM leaves more).
        assertThat(serverChosenBy(new FitPlacementPolicy(true))).isEqualTo(BUSY);
        assertThat(serverChosenBy(new FitPlacementPolicy(false))).isEqualTo(IDLE);
    }

    @Test
    void pabfd_choosesTheServerWhosePowerRisesLeast() {
        // 80 W per unit of utilisation up to 0.5, 20 W above: idle 0.188 to 0.376 rises 15.0 W, spread 0.376 to
        // 0.564 rises 0.124 x 80 + 0.064 x 20 = 11.2 W, busy 0.564 to 0.752 rises 3.8 W.
        assertThat(serverChosenBy(new PowerAwareBestFitDecreasingPlacementPolicy())).isEqualTo(BUSY);
    }

    private static int serverChosenBy(PlacementPolicy policy) {
        TestFleet fleet = threeServers();
        Plan plan = new Engine(new FleetRules(3, VmSizing.RESERVATION),
                List.of(new DispatchStep(policy, HostGate.ALWAYS_OPEN))).decide(fleet, Trigger.TASKS_QUEUED);
        assertThat(plan.actions()).hasSize(1);
        return fleet.vmHost(((AssignTask) plan.actions().get(0)).vm().index());
    }

    private static TestFleet threeServers() {
        TestFleet fleet = TestFleet.aFleet();
        double[] demands = {2000, 3000, 1000};
        for (double demand : demands) {
            int h = fleet.withHost(HOST, HostState.ACTIVE);
            fleet.withVmOn(h, WORKER, demand, 0);
        }
        fleet.withQueuedTask(1, TASK);
        return fleet;
    }
}
