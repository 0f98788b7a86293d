package io.ldist.live.loop;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiProblem;
import io.ldist.live.api.PlanReport;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.fakes.InMemoryCloud;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.fakes.MemoryHypervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveDistributorTest {
    @TempDir
    Path dir;

    private final InMemoryCloud cloud = new InMemoryCloud();
    private final LiveHarness live = new LiveHarness(cloud);
    private final MemoryHypervisor hypervisor = live.hypervisor;

    private LiveDistributor distributor(LiveConfig config, boolean apply) {
        return live.distributor(config, apply, CrashPoint.NEVER);
    }

    private PlanReport round(LiveDistributor d) {
        return live.round(d);
    }

    @Test
    void aDryRunShowsTheLaunchesToMinHostsAndCallsNothingThatChangesTheCloud() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), false)) {
            PlanReport plan = round(d);
            assertThat(plan.status()).isEqualTo("dry-run");
            assertThat(plan.actions()).extracting(PlanReport.ActionReport::kind).contains("LaunchHost");
            assertThat(cloud.mutatingCalls()).isEmpty();
            assertThat(hypervisor.calls).isZero();
            assertThat(cloud.ids()).isEmpty();
        }
    }

    @Test
    void appliedRoundsLaunchTheFleetPlaceItsVmsAndTheApiAssignsTasksToThem() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), true)) {
            round(d); // launches
            round(d); // booted: VMs placed
            round(d);
            assertThat(cloud.clusterInstances()).hasSizeGreaterThanOrEqualTo(2);
            long vmsRunning = d.cluster().hosts().stream().mapToLong(h -> h.vms().size()).sum();
            assertThat(vmsRunning).isGreaterThanOrEqualTo(6);
            TaskTicket ticket = d.submit(new TaskSubmission(5000, 0, 4096, 600.0, null));
            assertThat(ticket.state()).isEqualTo("running");
            assertThat(ticket.vm()).startsWith("ldist-ldist-test-vm");
            assertThat(hypervisor.vmNames(ticket.instanceId())).contains(ticket.vm());
            TaskTicket done = d.finish(ticket.id(), false);
            assertThat(done.state()).isEqualTo("done");
            assertThatThrownBy(() -> d.finish(ticket.id(), false)).isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("not running");
        }
    }

    @Test
    void aRestartFromTheJournalKnowsEveryServerVmAndTaskAndLaunchesNothingAgain() {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        TaskTicket ticket;
        int instances;
        try (LiveDistributor d = distributor(config, true)) {
            round(d);
            round(d);
            round(d);
            ticket = d.submit(new TaskSubmission(5000, 0, 4096, null, null));
            instances = cloud.ids().size();
        }
        try (LiveDistributor again = distributor(config, true)) {
            assertThat(again.task(ticket.id())).get().extracting(TaskTicket::state, TaskTicket::vm)
                    .containsExactly("running", ticket.vm());
            round(again);
            round(again);
            assertThat(cloud.ids()).hasSize(instances);
            assertThat(again.finish(ticket.id(), false).state()).isEqualTo("done");
        }
    }
}
