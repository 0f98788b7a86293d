package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.live.execute.Journal;
import io.ldist.live.testkit.MotoServer;
import io.ldist.live.testkit.RecordingProxy;
import io.ldist.live.testkit.TestAws;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * ldist live plan and ldist live run, in process, on scenarios/live/moto-demo.yaml against a real moto server behind
 * a recording proxy (so that what went over the wire can be checked), with the API on a free port and the journal
 * in a temporary folder. The demo's scaling wants 2 servers and 1 in the warm pool: 3 launches from nothing.
 */
class LiveCommandsTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final Path DEMO = TestScenarios.SCENARIOS.resolve("live/moto-demo.yaml");

    @TempDir
    Path tmp;

    /** The SDK's default chain reads these system properties first: static credentials, as moto accepts any. */
    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private CliRun live(URI endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of("live"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", DEMO.toString(), "--set", "live.endpoint=" + endpoint,
                "--set", "live.stateDir=" + tmp.resolve("state"), "--set", "live.api.port=0"));
        return CliRun.ldist(all.toArray(String[]::new));
    }

    private static List<Instance> instances() {
        try (Ec2Client ec2 = TestAws.rawEc2(MOTO.endpoint())) {
            return ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream()).toList();
        }
    }

    @Test
    void plan_printsTheLaunchesToReachMinHosts_andSendsNoMutatingCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint())) {
            CliRun run = live(proxy.endpoint(), "plan");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("plan: 3 action(s), not applied (dry run)",
                    "1  LaunchHost  host-0 (new)  m5.metal                      scale_out",
                    "2  LaunchHost  host-1 (new)  m5.metal                      scale_out",
                    "3  LaunchHost  host-2 (new)  m5.metal, into the warm pool  standby_pool");
            assertThat(proxy.calls()).isNotEmpty();
            assertThat(proxy.mutatingCalls()).isEmpty();
            assertThat(instances()).isEmpty();
        }
    }

    @Test
    void planJson_parsesAsThePlan() throws Exception {
        CliRun run = live(MOTO.endpoint(), "plan", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.path("status").asText()).isEqualTo("dry-run");
        assertThat(plan.path("actions")).hasSize(3);
        assertThat(plan.path("actions").findValuesAsText("kind")).containsOnly("LaunchHost");
    }

    @Test
    void runOnceApply_launchesTheClustersServers_andASecondRunLaunchesNoMore() {
        CliRun first = live(MOTO.endpoint(), "run", "--once", "--apply");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).contains("APPLYING plans", "round 1: plan of 3 actions",
                "this round applied 3, skipped 0, failed 0");
        List<Instance> launched = instances();
        assertThat(launched).hasSize(3).allSatisfy(i -> assertThat(i.tags())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("ldist:cluster=ldist-demo")));
        assertThat(tmp.resolve("state/live.log")).content().contains("round 1: plan of 3 actions");

        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint())) {
            CliRun second = live(proxy.endpoint(), "run", "--once", "--apply");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(proxy.actions()).doesNotContain("ec2:RunInstances");
        }
        assertThat(instances()).hasSize(3);
    }

    @Test
    void runWithoutApply_isADryRun_thatSendsNoMutatingCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint())) {
            CliRun run = live(proxy.endpoint(), "run", "--once");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("dry run", "plan of 3 actions, not applied (dry run)");
            assertThat(proxy.mutatingCalls()).isEmpty();
        }
    }

    @Test
    void run_whileAnotherHoldsTheJournal_refusedClearly() {
        Journal held = Journal.open(tmp.resolve("state"));
        try {
            CliRun run = live(MOTO.endpoint(), "run", "--once");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
            assertThat(run.err()).isEqualTo("ldist live: " + tmp.resolve("state")
                    + ": another ldist live process holds this journal (journal.lock); stop it first\n");
        } finally {
            held.close();
        }
    }

    @Test
    void plan_besideARunThatHoldsTheJournal_works() {
        Journal held = Journal.open(tmp.resolve("state"));
        try {
            CliRun run = live(MOTO.endpoint(), "plan");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("plan: 3 action(s)");
        } finally {
            held.close();
        }
    }

    @Test
    void endpointThatDoesNotAnswer_failsPlainly() throws Exception {
        URI nobody;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        CliRun run = live(nobody, "plan");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ldist live: cluster ldist-demo at " + nobody
                + ": last observation failed: ec2:DescribeInstances failed").doesNotContain("\tat ", "    at ");
    }

    @Test
    void badConfig_refusedWithFileAndLine() throws Exception {
        Path config = tmp.resolve("live.yaml");
        Files.writeString(config, Files.readString(DEMO).replace("  hypervisor: simulated", "  hypervisr: simulated"));

        CliRun run = CliRun.ldist("live", "plan", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith(config + ":55:3: live.hypervisr: expected one of the fields")
                .contains("did you mean 'hypervisor'?");
    }

    @Test
    void badHypervisorOverride_refusedLikeAConfigField() {
        CliRun run = CliRun.ldist("live", "plan", "--config", DEMO.toString(), "--hypervisor", "simulatd");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).contains("live.hypervisor", "simulatd");
    }
}
