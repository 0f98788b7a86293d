package io.ldist.live.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetTasksTest {
    @Test
    void startedTask_reservesItsDemandOnItsVm_untilItEnds() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(1);
        LiveTask a = TestFleets.runningTask(fleet, 100, 0);
        LiveTask b = TestFleets.runningTask(fleet, 200, 0);
        assertThat(fleet.vmCpuDemandMips(0)).isEqualTo(300);
        assertThat(fleet.vmRamDemandMb(0)).isEqualTo(2048);
        assertThat(fleet.tasks().runningCount()).isEqualTo(2);

        assertThat(fleet.tasks().end(a.id(), LiveTask.Phase.DONE)).isZero();
        assertThat(fleet.tasks().end(b.id(), LiveTask.Phase.FAILED)).isZero();

        assertThat(fleet.vmCpuDemandMips(0)).isZero();
        assertThat(fleet.vmRamDemandMb(0)).isZero();
        assertThat(fleet.vmRunningTasks(0)).isZero();
        assertThat(fleet.hostTaskSuccesses(0)).isEqualTo(1);
        assertThat(fleet.hostTaskFailures(0)).isEqualTo(1);
    }

    @Test
    void endingATaskThatIsNotRunning_fails() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(1);
        LiveTask queued = fleet.tasks().submit(100, 0, 1024, Double.POSITIVE_INFINITY, 60);

        assertThatThrownBy(() -> fleet.tasks().end(queued.id(), LiveTask.Phase.DONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not running");
    }

    @Test
    void leaseRunsOutAtItsStartPlusItsLength() {
        LiveFleet fleet = TestFleets.serversWithAVmEach(1);
        LiveTask task = fleet.tasks().submit(100, 0, 1024, Double.POSITIVE_INFINITY, 60);
        fleet.setNow(10);
        fleet.tasks().start(task.id(), 0);

        fleet.setNow(69);
        assertThat(fleet.tasks().expiredLeases()).isEmpty();
        fleet.setNow(70);
        assertThat(fleet.tasks().expiredLeases()).containsExactly(task);
    }
}
