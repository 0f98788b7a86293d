package io.ldist.live.loop;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiProblem;
import io.ldist.live.api.PlanReport;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.api.TaskTicket;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.fakes.MemoryHypervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live loop's everyday scenarios, written once against {@link CloudUnderTest} and run by each subclass on its
 * cloud: in memory ({@link LiveDistributorTest}) and AwsCloud over moto ({@link LiveDistributorOnMotoTest}).
 */
abstract class LiveDistributorScenarios {
    @TempDir
    Path dir;

    private final LiveHarness live = new LiveHarness(newCloud());
    private final CloudUnderTest cloud = live.cloud;
    private final MemoryHypervisor hypervisor = live.hypervisor;

    /** The cloud the scenarios run on; called while the subclass is being constructed, so static state only. */
    abstract CloudUnderTest newCloud();

    @AfterEach
    void closeTheCloud() {
        live.close();
    }

    private int instanceCount() {
        return cloud.cloud().clusterInstances().size();
    }

    private LiveDistributor distributor(LiveConfig config, boolean apply) {
        return live.distributor(config, apply, CrashPoint.NEVER);
    }

    private PlanReport round(LiveDistributor d) {
        return live.round(d);
    }

    @Test
    void appliedRoundsLaunchTheFleetPlaceItsVmsAndTheApiAssignsTasksToThem() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), true)) {
            round(d); // launches
            round(d); // booted: VMs placed
            round(d);
            assertThat(instanceCount()).isGreaterThanOrEqualTo(2);
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
            instances = instanceCount();
        }
        try (LiveDistributor again = distributor(config, true)) {
            assertThat(again.task(ticket.id())).get().extracting(TaskTicket::state, TaskTicket::vm)
                    .containsExactly("running", ticket.vm());
            round(again);
            round(again);
            assertThat(instanceCount()).isEqualTo(instances);
            assertThat(again.finish(ticket.id(), false).state()).isEqualTo("done");
        }
    }
}
