package io.ldist.live.loop;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.PlanReport;
import io.ldist.live.api.TaskSubmission;
import io.ldist.live.cloud.CloudInstance;
import io.ldist.live.cloud.Tags;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.SafetyCaps;
import io.ldist.live.execute.SimulatedCrash;
import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.fakes.MemoryHypervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The live loop's safety scenarios, written once against {@link CloudUnderTest} and run by each subclass on its
 * cloud: in memory ({@link LiveSafetyTest}) and AwsCloud over moto ({@link LiveSafetyOnMotoTest}).
 */
abstract class LiveSafetyScenarios {
    @TempDir
    Path dir;

    final LiveHarness live = new LiveHarness(newCloud());
    final CloudUnderTest cloud = live.cloud;
    private final MemoryHypervisor hypervisor = live.hypervisor;
    final List<String> log = live.log;

    /**
     * The cloud the scenarios run on, scoped to {@link LiveConfigs#CLUSTER}; called while the subclass is being
     * constructed, so from static state only.
     */
    abstract CloudUnderTest newCloud();

    @AfterEach
    void closeTheCloud() {
        live.close();
    }

    LiveDistributor distributor(LiveConfig config, CrashPoint crash) {
        return live.distributor(config, true, crash);
    }

    PlanReport round(LiveDistributor d) {
        return live.round(d);
    }

    List<CloudInstance> liveInstances() {
        return cloud.cloud().clusterInstances().stream()
                .filter(i -> !i.state().equals("terminated") && !i.state().equals("shutting-down")).toList();
    }

    /** Every active server reports this CPU for the next round (a minute on), as CloudWatch would. */
    private void reportCpu(LiveDistributor d, double percent) {
        long atS = live.nowS() + 50;
        d.cluster().hosts().stream().filter(h -> h.state().equals("active"))
                .forEach(h -> cloud.reportCpu(h.instanceId(), atS, percent));
    }

    /** Tasks enough to keep every slot busy and some queued: the fleet's load passes the scale-out threshold. */
    private static void submitTasks(LiveDistributor d, int count) {
        for (int i = 0; i < count; i++) {
            d.submit(new TaskSubmission(5000, 0, 4096, null, null));
        }
    }

    @Test
    void aDryRunShowsItsLaunchesAndSendsOnlyDescribesAndGets() {
        try (LiveDistributor d = live.distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), false,
                CrashPoint.NEVER)) {
            for (int i = 0; i < 3; i++) {
                PlanReport plan = round(d);
                assertThat(plan.status()).isEqualTo("dry-run");
                assertThat(plan.actions()).extracting(PlanReport.ActionReport::kind).contains("LaunchHost");
            }
        }
        assertThat(cloud.calls()).isNotEmpty()
                .allSatisfy(c -> assertThat(c).matches("(Describe|Get).*"));
        assertThat(cloud.mutatingCalls()).isEmpty();
        assertThat(hypervisor.calls).isZero();
        assertThat(cloud.cloud().clusterInstances()).isEmpty();
    }

    @Test
    void loadOverTheThresholdScalesOutToMaxHostsAndNoFurther() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 4, 0, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 6; i++) { // idle VMs only, longer than the window and the cooldown: below the threshold
                round(d);
            }
            assertThat(liveInstances()).hasSize(2);
            List<PlanReport.ActionReport> actions = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                submitTasks(d, 10);
                actions.addAll(round(d).actions());
                assertThat(liveInstances()).hasSizeLessThanOrEqualTo(4);
            }
            assertThat(actions).filteredOn(a -> a.kind().equals("LaunchHost")).hasSize(2)
                    .allSatisfy(a -> assertThat(a.reason()).isEqualTo("scale_out"));
            assertThat(liveInstances()).hasSize(4).allSatisfy(i -> assertThat(i.state()).isEqualTo("running"));
            assertThat(d.cluster().hosts()).filteredOn(h -> h.state().equals("active")).hasSize(4);
            assertThat(cloud.mutatingCalls()).filteredOn("RunInstances"::equals).hasSize(4);
        }
    }

    @Test
    void cpuWrittenToCloudWatchIsReadBackByTheObserver_andGoesStaleWhenNoLongerWritten() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 4, 0, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 3; i++) {
                round(d);
            }
            reportCpu(d, 73);
            round(d);
            assertThat(d.cluster().hosts()).filteredOn(h -> h.state().equals("active")).hasSize(2)
                    .allSatisfy(h -> {
                        assertThat(h.cpuUtilization()).isCloseTo(0.73, within(1e-9));
                        assertThat(h.metricsStale()).isFalse();
                    });
            for (int i = 0; i < 4; i++) {
                round(d);
            }
            assertThat(d.cluster().hosts()).filteredOn(h -> h.state().equals("active"))
                    .allSatisfy(h -> assertThat(h.metricsStale()).isTrue());
        }
    }

    @Test
    void theWarmPoolIsTaggedAndStopped_thenStartedAgainWhenLoadRises() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 4; i++) {
                round(d);
            }
            CloudInstance standby = liveInstances().stream().filter(i -> i.state().equals("stopped")).findFirst()
                    .orElseThrow(() -> new AssertionError("no instance stopped into the warm pool: " + liveInstances()));
            assertThat(liveInstances()).hasSize(3);
            assertThat(cloud.tags(standby.instanceId())).containsEntry(Tags.STANDBY, "true");
            assertThat(cloud.mutatingCallsOn(standby.instanceId())).containsExactly("CreateTags", "StopInstances");

            for (int i = 0; i < 10 && cloud.state(standby.instanceId()).equals("stopped"); i++) {
                submitTasks(d, 10);
                round(d);
            }

            assertThat(cloud.state(standby.instanceId())).isEqualTo("running");
            assertThat(cloud.tags(standby.instanceId())).doesNotContainKey(Tags.STANDBY);
            assertThat(cloud.mutatingCallsOn(standby.instanceId()))
                    .containsExactly("CreateTags", "StopInstances", "DeleteTags", "StartInstances");
        }
    }

    @Test
    void aPlanOverTheInstanceCapIsRefusedWholeAndSaysWhy() {
        SafetyCaps tight = new SafetyCaps(1, 100, 20, 20, 0.5);
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, tight), CrashPoint.NEVER)) {
            PlanReport plan = round(d);
            assertThat(plan.status()).isEqualTo("refused");
            assertThat(plan.refusals()).anySatisfy(r -> assertThat(r).contains("maxInstances 1"));
            assertThat(cloud.mutatingCalls()).isEmpty();
            assertThat(d.counters()).containsEntry("plans_refused", 1L);
        }
    }

    @Test
    void theCostCapAndTheHourlyLaunchCapRefuseToo() {
        SafetyCaps cheap = new SafetyCaps(20, 5, 20, 20, 0.5);
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir.resolve("a"), 2, 6, 1, cheap), CrashPoint.NEVER)) {
            assertThat(round(d).refusals()).anySatisfy(r -> assertThat(r).contains("maxCostPerHour 5.00"));
        }
        SafetyCaps fewLaunches = new SafetyCaps(20, 100, 1, 20, 0.5);
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir.resolve("b"), 2, 6, 1, fewLaunches),
                CrashPoint.NEVER)) {
            assertThat(round(d).refusals()).anySatisfy(r -> assertThat(r).contains("maxLaunchesPerHour 1"));
        }
        assertThat(cloud.mutatingCalls()).isEmpty();
    }

    @Test
    void aSecondDrainWhileOneIsUnderWayIsRefusedByTheDisruptionBudget() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 4, 6, 0, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 3; i++) {
                round(d);
            }
            assertThat(d.cluster().hosts()).filteredOn(h -> h.state().equals("active")).hasSize(4);
            submitTasks(d, 12); // never finished: a drained server stays draining
        }
        // The operator lowers minHosts and raises the scale-in threshold: the engine wants to retire servers.
        SafetyCaps quarter = new SafetyCaps(20, 100, 20, 20, 0.25);
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 1, 6, 0, quarter, 0.7), CrashPoint.NEVER)) {
            List<PlanReport> plans = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int mutatingBefore = cloud.mutatingCalls().size();
                PlanReport plan = round(d);
                plans.add(plan);
                if (plan.status().equals("refused")) {
                    assertThat(cloud.mutatingCalls()).hasSize(mutatingBefore);
                }
                assertThat(d.cluster().hosts()).filteredOn(h -> h.state().equals("draining")).hasSizeLessThanOrEqualTo(1);
            }
            assertThat(plans).extracting(PlanReport::status).contains("applied", "refused");
            assertThat(plans).flatExtracting(PlanReport::refusals)
                    .anySatisfy(r -> assertThat(r).contains("disruption budget: 2 of 4 active servers"));
            assertThat(liveInstances()).hasSize(4);
        }
    }

    @Test
    void instancesOfNoClusterOrAnotherOneAreNeverTouched() {
        String untagged = cloud.addForeign(Map.of());
        String other = cloud.addForeign(Map.of(Tags.CLUSTER, "someone-else"));
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 5; i++) {
                round(d);
            }
            assertThat(d.cluster().hosts()).extracting(h -> h.instanceId()).doesNotContain(untagged, other);
            assertThat(liveInstances()).hasSize(3);
            assertThat(d.counters()).containsEntry("actions_failed", 0L); // no refused attempt on them either
        }
        assertThat(cloud.mutatingCallsOn(untagged)).isEmpty();
        assertThat(cloud.mutatingCallsOn(other)).isEmpty();
        assertThat(cloud.state(untagged)).isEqualTo("running");
        assertThat(cloud.state(other)).isEqualTo("running");
        assertThat(cloud.tags(untagged)).isEmpty();
        assertThat(cloud.tags(other)).isEqualTo(Map.of(Tags.CLUSTER, "someone-else"));
        assertThat(hypervisor.vmNames(untagged)).isEmpty();
        assertThat(hypervisor.vmNames(other)).isEmpty();
    }

    @Test
    void aServerStoppedBehindLdistsBackIsFailedOverAndItsVmsRunElsewhere() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 3; i++) {
                round(d);
            }
            var victim = d.cluster().hosts().stream().filter(h -> h.state().equals("active") && !h.vms().isEmpty())
                    .findFirst().orElseThrow();
            var ticket = d.submit(new TaskSubmission(5000, 0, 4096, null, null));
            cloud.stopBehindLdistsBack(victim.instanceId());
            for (int i = 0; i < 6; i++) {
                round(d);
            }
            var after = d.cluster();
            assertThat(after.hosts().get(victim.index()).state()).isEqualTo("failed");
            assertThat(after.hosts().get(victim.index()).vms()).isEmpty();
            Set<String> vmNames = new HashSet<>();
            after.hosts().stream().filter(h -> h.state().equals("active"))
                    .forEach(h -> h.vms().forEach(v -> vmNames.add(v.name())));
            victim.vms().forEach(v -> assertThat(vmNames).contains(v.name()));
            assertThat(d.task(ticket.id()).orElseThrow().state()).isIn("running", "queued");
            assertThat(log).anySatisfy(l -> assertThat(l).contains("behind ldist's back"));
        }
    }

    static Stream<Arguments> everyStageOfEachLaunch() {
        return Arrays.stream(CrashPoint.Stage.values())
                .flatMap(stage -> IntStream.rangeClosed(1, 3).mapToObj(nth -> Arguments.of(stage, nth)));
    }

    /** A crash at each point of each of the fleet's three launches: after a restart, one instance per launch. */
    @ParameterizedTest(name = "{0} of launch {1}")
    @MethodSource("everyStageOfEachLaunch")
    void aCrashAtAnyStageOfAnyLaunchNeitherRepeatsNorLosesIt(CrashPoint.Stage stage, int nth) {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        AtomicInteger launches = new AtomicInteger();
        CrashPoint crash = (s, action) -> {
            if (s == stage && action.kind().equals("LaunchHost") && launches.incrementAndGet() == nth) {
                throw new SimulatedCrash(stage + " of launch " + nth);
            }
        };
        boolean crashed = false;
        try (LiveDistributor d = distributor(config, crash)) {
            for (int i = 0; i < 3; i++) {
                round(d);
            }
        } catch (SimulatedCrash expected) {
            crashed = true; // the process died here
        }
        assertThat(crashed).as("the crash struck").isTrue();

        try (LiveDistributor again = distributor(config, CrashPoint.NEVER)) {
            for (int i = 0; i < 4; i++) {
                round(again);
            }
            List<CloudInstance> instances = cloud.cloud().clusterInstances();
            assertThat(instances).as("minHosts 2 and a warm pool of 1, no more").hasSize(3);
            assertThat(instances).extracting(i -> i.tag(Tags.LAUNCH_TOKEN)).as("one instance per launch token")
                    .doesNotHaveDuplicates();
            assertThat(again.cluster().hosts()).filteredOn(h -> h.instanceId() != null)
                    .as("every instance is known to the fleet").hasSameSizeAs(instances);
            assertThat(again.cluster().hosts()).filteredOn(h -> h.state().equals("active")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void twoProcessesCannotShareAJournal() {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        try (LiveDistributor d = distributor(config, CrashPoint.NEVER)) {
            assertThatThrownBy(() -> Journal.open(config.stateDir())).hasMessageContaining("another ldist live process");
        }
    }
}
