package io.ldist.live.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.live.LiveConfig;
import io.ldist.live.cloud.CloudInstance;
import io.ldist.live.cloud.Tags;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.testkit.MotoCloud;
import io.ldist.live.testkit.MotoServer;
import io.ldist.live.testkit.RecordingProxy;
import io.ldist.live.testkit.RecordingProxy.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety scenarios on AwsCloud over moto, every call through a recording proxy; and what only a wire can show:
 * throttling and server errors injected in front of moto, absorbed by the SDK's retries (3 attempts, see TestAws).
 */
class LiveSafetyOnMotoTest extends LiveSafetyScenarios {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Override
    CloudUnderTest newCloud() {
        return new MotoCloud(MOTO.endpoint(), LiveConfigs.CLUSTER);
    }

    private RecordingProxy proxy() {
        return ((MotoCloud) cloud).proxy();
    }

    static Stream<Arguments> faultsWithinTheRetries() {
        return Stream.of(
                Arguments.of("ec2:RunInstances", "503 RequestLimitExceeded", Fault.requestLimitExceeded()),
                Arguments.of("ec2:RunInstances", "400 RequestLimitExceeded", Fault.requestLimitExceeded(400)),
                Arguments.of("ec2:RunInstances", "500 InternalError", Fault.internalError()),
                Arguments.of("ec2:StopInstances", "503 RequestLimitExceeded", Fault.requestLimitExceeded()),
                Arguments.of("ec2:DescribeInstances", "500 InternalError", Fault.internalError()),
                Arguments.of("monitoring:GetMetricData", "503 ServiceUnavailable", Fault.serviceUnavailable()));
    }

    /** Two failures of the first calls of an action: the third attempt passes, and the loop never sees them. */
    @ParameterizedTest(name = "{0} answered {1}")
    @MethodSource("faultsWithinTheRetries")
    void faultsWithinTheSdksRetriesLeaveTheJournalExactAndNoDuplicateInstance(String action, String answer,
                                                                               Fault fault) {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        proxy().inject(action, 2, fault);
        try (LiveDistributor d = distributor(config, CrashPoint.NEVER)) {
            for (int i = 0; i < 4; i++) {
                round(d);
            }
            assertThat(d.counters()).containsEntry("actions_failed", 0L).containsEntry("observation_errors", 0L);
        }

        String wanted = action.substring(action.indexOf(':') + 1);
        assertThat(proxy().calls()).filteredOn(c -> c.action().equals(wanted))
                .extracting(RecordingProxy.Call::status).startsWith(fault.status(), fault.status(), 200);
        assertOneInstancePerLaunch(3);
        Map<Long, List<String>> bySeq = journalBySeq(config);
        assertThat(bySeq).isNotEmpty().allSatisfy((seq, types) -> assertThat(types)
                .as("journal entries of action #" + seq).containsExactly("intent", "done"));
        assertThat(launchIntents(config)).hasSize(3);
    }

    /** Every attempt of a launch fails: the action fails in the journal, and a later round launches it, once. */
    @ParameterizedTest(name = "RunInstances answered {0}")
    @MethodSource("launchFaultsOutlastingTheRetries")
    void aLaunchFailingEveryAttemptIsJournaledFailed_andLaunchedOnceLater(String answer, Fault fault) {
        LiveConfig config = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy());
        proxy().inject("ec2:RunInstances", 3, fault);
        try (LiveDistributor d = distributor(config, CrashPoint.NEVER)) {
            for (int i = 0; i < 5; i++) {
                round(d);
            }
            assertThat(d.counters().get("actions_failed")).isEqualTo(1L);
        }

        assertOneInstancePerLaunch(3);
        Map<Long, List<String>> bySeq = journalBySeq(config);
        assertThat(bySeq.values()).filteredOn(types -> types.contains("failed"))
                .containsExactly(List.of("intent", "failed"));
        assertThat(bySeq.values()).filteredOn(types -> !types.contains("failed"))
                .allSatisfy(types -> assertThat(types).containsExactly("intent", "done"));
    }

    static Stream<Arguments> launchFaultsOutlastingTheRetries() {
        return Stream.of(Arguments.of("503 RequestLimitExceeded", Fault.requestLimitExceeded()),
                Arguments.of("500 InternalError", Fault.internalError()));
    }

    /** moto's checks always pass: the proxy answers DescribeInstanceStatus itself, with the victim impaired. */
    @Test
    void aServerWhoseStatusChecksAreImpairedIsFailedOverAndItsVmsRunElsewhere() {
        try (LiveDistributor d = distributor(LiveConfigs.demo(dir, 2, 6, 0, LiveConfigs.roomy()), CrashPoint.NEVER)) {
            for (int i = 0; i < 3; i++) {
                round(d);
            }
            var victim = d.cluster().hosts().stream().filter(h -> h.state().equals("active") && !h.vms().isEmpty())
                    .findFirst().orElseThrow();
            proxy().inject("ec2:DescribeInstanceStatus", 10, impaired(victim.instanceId()));
            for (int i = 0; i < 6; i++) {
                round(d);
            }

            var after = d.cluster();
            assertThat(after.hosts().get(victim.index()).state()).isEqualTo("failed");
            assertThat(after.hosts().get(victim.index()).vms()).isEmpty();
            List<String> vmsOnActive = after.hosts().stream().filter(h -> h.state().equals("active"))
                    .flatMap(h -> h.vms().stream()).map(v -> v.name()).toList();
            victim.vms().forEach(v -> assertThat(vmsOnActive).contains(v.name()));
            assertThat(log).anySatisfy(l -> assertThat(l).contains("status check impaired"));
        }
    }

    /** EC2's DescribeInstanceStatus answer with one running instance failing both checks. */
    private static Fault impaired(String instanceId) {
        String failed = "<status>impaired</status><details><item><name>reachability</name><status>failed</status>"
                + "</item></details>";
        return new Fault(200, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DescribeInstanceStatusResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>ldist-impaired</requestId><instanceStatusSet><item><instanceId>" + instanceId
                + "</instanceId><availabilityZone>us-east-1a</availabilityZone><instanceState><code>16</code>"
                + "<name>running</name></instanceState><systemStatus>" + failed + "</systemStatus><instanceStatus>"
                + failed + "</instanceStatus></item></instanceStatusSet></DescribeInstanceStatusResponse>");
    }

    private void assertOneInstancePerLaunch(int expected) {
        List<CloudInstance> instances = cloud.cloud().clusterInstances();
        assertThat(instances).hasSize(expected);
        assertThat(instances).extracting(i -> i.tag(Tags.LAUNCH_TOKEN)).doesNotHaveDuplicates();
    }

    /** The types of the journal's action entries (intent, done, failed) per action sequence number, in order. */
    private static Map<Long, List<String>> journalBySeq(LiveConfig config) {
        Map<Long, List<String>> bySeq = new TreeMap<>();
        for (JsonNode e : Journal.openReadOnly(config.stateDir()).entries()) {
            String type = e.path("t").asText();
            if (type.equals("intent") || type.equals("done") || type.equals("failed")) {
                bySeq.computeIfAbsent(e.path("seq").asLong(), k -> new ArrayList<>()).add(type);
            }
        }
        return bySeq;
    }

    private static List<String> launchIntents(LiveConfig config) {
        return Journal.openReadOnly(config.stateDir()).entries().stream()
                .filter(e -> e.path("t").asText().equals("intent") && e.path("action").asText().equals("LaunchHost"))
                .map(e -> e.path("token").asText()).toList();
    }
}
