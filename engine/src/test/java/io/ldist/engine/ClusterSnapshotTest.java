package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.dispatch.DispatchStep;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.ClusterSnapshot;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.WeightedLoadScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot built field by field is a view like any other: the engine plans on it exactly as on the test
 * fleet holding the same servers, VMs and queue; a VM migrating is counted on both of its servers; and a
 * snapshot that could not be (a VM on no server migrating, a server that does not exist) is refused as it is
 * built.
 */
class ClusterSnapshotTest {
    private static final HostType HOST = TestFleet.hostType("h", 4, 2500, 32768);
    private static final VmType WORKER = TestFleet.vmType("worker", 2, 2500, 8192, 4);

    @Test
    void theEnginePlansOnASnapshot_asOnTheSameFleetHeldAnotherWay() {
        double[] demands = {2000, 3000, 1000};
        TestFleet fleet = TestFleet.aFleet();
        ClusterSnapshot.Builder snapshot = ClusterSnapshot.at(0);
        for (double demand : demands) {
            fleet.withVmOn(fleet.withHost(HOST, HostState.ACTIVE), WORKER, demand, 0);
            snapshot.vmOn(snapshot.host(HOST, HostState.ACTIVE), WORKER, new Resources(demand, 0, 0, 0), 0);
        }
        for (long id = 0; id < 5; id++) {
            Resources demand = new Resources(500 + 400 * id, 0, 1024, 0);
            fleet.withQueuedTask(id, demand);
            snapshot.queued(new TaskRequest(new TaskId(id), demand, 0, Double.POSITIVE_INFINITY, 0));
        }
        ClusterSnapshot built = snapshot.build();

        for (String name : PlacementPolicies.family(new WeightedLoadScorer(LoadWeights.DEFAULT)).names()) {
            PlacementPolicy policy = PlacementPolicies.family(new WeightedLoadScorer(LoadWeights.DEFAULT))
                    .create(PolicyChoice.of(name), PolicyContext.DEFAULT);
            Plan onFleet = engine(policy).decide(fleet, Trigger.TASKS_QUEUED);
            Plan onSnapshot = engine(policy).decide(built, Trigger.TASKS_QUEUED);
            assertThat(onFleet.actions()).as(name).isNotEmpty();
            assertThat(onSnapshot).as(name).isEqualTo(onFleet);
        }
    }

    @Test
    void aMigratingVm_isOnItsSourceAndHeldForOnItsTarget() {
        ClusterSnapshot.Builder b = ClusterSnapshot.at(60);
        int from = b.host(HOST, HostState.ACTIVE);
        int to = b.host(HOST, HostState.ACTIVE);
        int vm = b.vmOn(from, WORKER, new Resources(1000, 0, 4096, 0), 0);
        ClusterSnapshot snapshot = b.migrating(vm, to).build();

        assertThat(snapshot.vmStatus(vm)).isEqualTo(VmStatus.MIGRATING);
        assertThat(snapshot.vmHost(vm)).isEqualTo(from);
        assertThat(snapshot.hostVmCount(from)).isEqualTo(1);
        assertThat(snapshot.hostIncomingVmCount(to)).isEqualTo(1);
        assertThat(snapshot.nowS()).isEqualTo(60);
    }

    @Test
    void aSnapshotThatCouldNotBe_isRefusedAsItIsBuilt() {
        ClusterSnapshot.Builder b = ClusterSnapshot.at(0);
        int host = b.host(HOST, HostState.ACTIVE);
        int waiting = b.pendingVm(WORKER, true);

        assertThatThrownBy(() -> b.migrating(waiting, host)).hasMessageContaining("must run on a server");
        assertThatThrownBy(() -> b.vmOn(7, WORKER, Resources.ZERO, 0)).hasMessage("no host-7 (1 servers)");
        assertThatThrownBy(() -> b.utilization(host, 1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> ClusterSnapshot.at(-1)).hasMessageContaining(">= 0");
        assertThat(b.build().vmDisplaced(waiting)).isTrue();
    }

    private static Engine engine(PlacementPolicy policy) {
        return new Engine(new FleetRules(3, VmSizing.RESERVATION), List.of(new DispatchStep(policy, HostGate.ALWAYS_OPEN)));
    }
}
