package io.ldist.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.VmId;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.PlanValidator;
import io.ldist.engine.plan.Reason;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.StopHost;
import io.ldist.engine.plan.TerminateHost;
import org.junit.jupiter.api.Test;

/**
 * What every driver refuses to apply, checked against the fleet as its view shows it: each kind of action on a
 * server or VM in the wrong state, a full server, a launch out of order; and the same actions allowed where the
 * fleet permits them.
 */
class PlanValidatorTest {
    private static final HostType HOST = TestFleet.hostType("h", 8, 2500, 65536);
    private static final VmType VM = TestFleet.vmType("vm", 2, 2500, 8192, 2);

    @Test
    void vmPlacementsAndMigrations_needAnActiveServerBelowItsVmLimit() {
        TestFleet fleet = TestFleet.aFleet();
        int active = fleet.withHost(HOST, HostState.ACTIVE);
        int standby = fleet.withHost(HOST, HostState.STANDBY);
        int running = fleet.withVmOn(active, VM, 0);
        int pending = fleet.withPendingVm(VM);

        assertThat(problem(new PlaceVm(VmId.of(pending), VM, HostId.of(active), Reason.INITIAL_PLACEMENT), fleet, 2))
                .isNull();
        assertThat(problem(new PlaceVm(VmId.of(pending), VM, HostId.of(active), Reason.INITIAL_PLACEMENT), fleet, 1))
                .isEqualTo("the host already holds 1 VMs (limit 1)");
        assertThat(problem(new PlaceVm(VmId.of(pending), VM, HostId.of(standby), Reason.INITIAL_PLACEMENT), fleet, 2))
                .isEqualTo("the host is STANDBY");
        assertThat(problem(new PlaceVm(VmId.of(running), VM, HostId.of(active), Reason.INITIAL_PLACEMENT), fleet, 2))
                .isEqualTo("the VM is RUNNING, not pending");
        assertThat(problem(new PlaceVm(VmId.of(9), VM, HostId.of(active), Reason.INITIAL_PLACEMENT), fleet, 2))
                .isEqualTo("unknown VM");
        assertThat(problem(new MigrateVm(VmId.of(running), HostId.of(standby), HostId.of(active), Reason.OVERLOAD),
                fleet, 3)).isEqualTo("the VM is on host-" + active);
        assertThat(problem(new MigrateVm(VmId.of(pending), HostId.of(active), HostId.of(standby), Reason.OVERLOAD),
                fleet, 3)).isEqualTo("the VM is not running");
    }

    @Test
    void taskAssignments_needARunningVmWithAFreeSlotOnAnActiveServer() {
        TestFleet fleet = TestFleet.aFleet();
        int host = fleet.withHost(HOST, HostState.ACTIVE);
        int vm = fleet.withVmOn(host, VM, 0);
        AssignTask assign = new AssignTask(new TaskId(1), VmId.of(vm), Reason.DISPATCH);
        assertThat(problem(assign, fleet, 3)).isNull();

        for (long id = 1; id <= 2; id++) {
            fleet.withQueuedTask(id, new Resources(100, 0, 100, 0));
            fleet.apply(new io.ldist.engine.plan.Plan(0, java.util.List.of(
                    new AssignTask(new TaskId(id), VmId.of(vm), Reason.DISPATCH))));
        }
        assertThat(problem(assign, fleet, 3)).isEqualTo("the VM has no free task slot");
        fleet.withHostState(host, HostState.DRAINING);
        assertThat(problem(assign, fleet, 3)).isEqualTo("the VM's host is DRAINING");
    }

    @Test
    void serverActions_needTheStateTheyLeaveFrom_andEmptyServersToStop() {
        TestFleet fleet = TestFleet.aFleet();
        int busy = fleet.withHost(HOST, HostState.ACTIVE);
        fleet.withVmOn(busy, VM, 0);
        int standby = fleet.withHost(HOST, HostState.STANDBY);

        assertThat(problem(new LaunchHost(HostId.of(2), HOST, false, Reason.SCALE_OUT), fleet, 3)).isNull();
        assertThat(problem(new LaunchHost(HostId.of(5), HOST, false, Reason.SCALE_OUT), fleet, 3))
                .isEqualTo("new hosts must take the next index 2");
        assertThat(problem(new ResumeHost(HostId.of(standby), Reason.SCALE_OUT), fleet, 3)).isNull();
        assertThat(problem(new ResumeHost(HostId.of(busy), Reason.SCALE_OUT), fleet, 3)).isEqualTo("the host is ACTIVE");
        assertThat(problem(new StopHost(HostId.of(busy), Reason.IDLE), fleet, 3)).isEqualTo("the host still holds VMs");
        assertThat(problem(new TerminateHost(HostId.of(standby), Reason.SCALE_IN), fleet, 3)).isNull();
        assertThat(problem(new DrainHost(HostId.of(standby), DrainHost.AfterDrain.STOP, Reason.SCALE_IN), fleet, 3))
                .isEqualTo("the host is STANDBY");
        assertThat(problem(new FenceHost(HostId.of(busy), Reason.FAILOVER), fleet, 3)).isNull();
        assertThat(problem(new FenceHost(HostId.of(standby), Reason.FAILOVER), fleet, 3)).isEqualTo("the host is STANDBY");
    }

    private static String problem(io.ldist.engine.plan.Action action, TestFleet fleet, int maxVms) {
        return PlanValidator.problem(action, fleet, maxVms);
    }
}
