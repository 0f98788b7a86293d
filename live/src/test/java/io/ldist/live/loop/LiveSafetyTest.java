package io.ldist.live.loop;

import io.ldist.live.LiveConfig;
import io.ldist.live.api.PlanReport;
import io.ldist.live.cloud.Tags;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.execute.SafetyCaps;
import io.ldist.live.execute.SimulatedCrash;
import io.ldist.live.fakes.InMemoryCloud;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.fakes.MemoryHypervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveSafetyTest {
    @TempDir
    Path dir;

    private final LiveHarness live = new LiveHarness();
    private final InMemoryCloud cloud = live.cloud;
    private final MemoryHypervisor hypervisor = live.hypervisor;
    private final List<String> log = live.log;

    private LiveDistributor distributor(LiveConfig config, CrashPoint crash) {
        return live.distributor(config, true, crash);
    }

    private PlanReport round(LiveDistributor d) {
        return live.round(d);
    }

    @Test
    void aPlanOverTheInstanceCapIsRefusedWholeAndSaysWhy() {
        SafetyCaps tight = new SafetyCaps(1, 100, 20, 20, 0.5);
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, tight), CrashPoint.NEVER)) {
            PlanReport plan = round(d);
            assertThat(plan.status()).isEqualTo("refused");
            assertThat(plan.refusals()).anySatisfy(r -> assertThat(r).contains("maxInstances 1"));
            assertThat(cloud.mutatingCalls).isZero();
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
        assertThat(cloud.mutatingCalls).isZero();
    }

    @Test
    void instancesOfNoClusterOrAnotherOneAreNeverTouched() {
        String untagged = cloud.addForeign("m5.metal", "running", Map.of());
        String other = cloud.addForeign("m5.metal", "running", Map.of(Tags.CLUSTER, "someone-else"));
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 5; i++) {
                round(d);
            }
            assertThat(d.cluster().hosts()).extracting(h -> h.instanceId()).doesNotContain(untagged, other);
        }
        assertThat(cloud.state(untagged)).isEqualTo("running");
        assertThat(cloud.state(other)).isEqualTo("running");
        assertThat(cloud.tags(untagged)).isEmpty();
        assertThat(cloud.tags(other)).containsOnlyKeys(Tags.CLUSTER);
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
            var ticket = d.submit(new io.ldist.live.api.TaskSubmission(5000, 0, 4096, null, null));
            cloud.setState(victim.instanceId(), "stopped");
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

    /** A crash at each point of each action of the first rounds: after a restart, one instance per launch. */
    @ParameterizedTest
    @EnumSource(CrashPoint.Stage.class)
    void aCrashAtAnyStageOfAnyLaunchNeitherRepeatsNorLosesIt(CrashPoint.Stage stage) {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        for (int nth = 1; nth <= 3; nth++) {
            AtomicInteger seen = new AtomicInteger();
            int crashAt = nth;
            CrashPoint crash = (s, action) -> {
                if (s == stage && action.kind().equals("LaunchHost") && seen.incrementAndGet() == crashAt) {
                    throw new SimulatedCrash(stage + " of launch " + crashAt);
                }
            };
            try (LiveDistributor d = distributor(config, crash)) {
                for (int i = 0; i < 3; i++) {
                    round(d);
                }
            } catch (SimulatedCrash expected) {
                // the process died here
            }
            try (LiveDistributor again = distributor(config, CrashPoint.NEVER)) {
                for (int i = 0; i < 4; i++) {
                    round(again);
                }
                Set<String> tokens = new HashSet<>();
                cloud.clusterInstances().forEach(inst -> assertThat(tokens.add(inst.tag(Tags.LAUNCH_TOKEN)))
                        .as("one instance per launch token").isTrue());
                long known = again.cluster().hosts().stream().filter(h -> h.instanceId() != null).count();
                assertThat(known).as("every instance is known to the fleet").isEqualTo(cloud.clusterInstances().size());
                assertThat(again.cluster().hosts().stream().filter(h -> h.state().equals("active")).count())
                        .isGreaterThanOrEqualTo(2);
            }
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
