package io.ldist.live.state;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VmPlacementsTest {
    @Test
    void fencedServer_requeuesItsTasksOldestFirst_andSendsMigrationsToItBack() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(2);
        LiveTask older = TestFleets.runningTask(fleet, 100, 0);
        LiveTask newer = TestFleets.runningTask(fleet, 200, 0);
        LiveTask waiting = fleet.tasks().submit(300, 0, 1024, Double.POSITIVE_INFINITY, 60);
        fleet.placements().startMigration(1, 0);

        assertThat(fleet.placements().fence(0)).isEqualTo(2);

        assertThat(fleet.hostState(0)).isEqualTo(HostState.FAILED);
        assertThat(fleet.hostVmCount(0)).isZero();
        assertThat(fleet.vmStatus(0)).isEqualTo(VmStatus.PENDING);
        assertThat(fleet.vmDisplaced(0)).isTrue();
        assertThat(fleet.vmHost(0)).isEqualTo(-1);
        assertThat(fleet.vmCpuDemandMips(0)).isZero();
        assertThat(fleet.vmStatus(1)).isEqualTo(VmStatus.RUNNING);
        assertThat(fleet.vmHost(1)).isEqualTo(1);
        assertThat(fleet.vmMigrationTarget(1)).isEqualTo(-1);
        assertThat(fleet.queuedTaskCount()).isEqualTo(3);
        assertThat(fleet.queuedTask(0).id().value()).isEqualTo(older.id());
        assertThat(fleet.queuedTask(1).id().value()).isEqualTo(newer.id());
        assertThat(fleet.queuedTask(2).id().value()).isEqualTo(waiting.id());
        assertThat(fleet.queuedTask(0).attempts()).isEqualTo(1);
    }

    @Test
    void completedMigration_movesTheVmFromOneServersListToTheOther() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(2);
        fleet.placements().startMigration(0, 1);
        assertThat(fleet.vmStatus(0)).isEqualTo(VmStatus.MIGRATING);

        fleet.placements().completeMigration(0);

        assertThat(fleet.hostVmCount(0)).isZero();
        assertThat(fleet.hostVmCount(1)).isEqualTo(2);
        assertThat(fleet.vmHost(0)).isEqualTo(1);
        assertThat(fleet.vmStatus(0)).isEqualTo(VmStatus.RUNNING);
        assertThat(fleet.vmMigrationTarget(0)).isEqualTo(-1);
    }

    @Test
    void finishedVm_leavesItsServer_andIsNotDisplaced() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(2);

        fleet.placements().finish(1);

        assertThat(fleet.hostVmCount(1)).isZero();
        assertThat(fleet.vmHost(1)).isEqualTo(-1);
        assertThat(fleet.vmStatus(1)).isEqualTo(VmStatus.FINISHED);
        assertThat(fleet.vmDisplaced(1)).isFalse();
    }
}
