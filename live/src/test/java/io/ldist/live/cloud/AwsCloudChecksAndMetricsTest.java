package io.ldist.live.cloud;

import static io.ldist.live.cloud.CloudFixtures.CLUSTER;
import static io.ldist.live.cloud.CloudFixtures.launchRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ldist.live.testkit.MotoServer;
import io.ldist.live.testkit.RecordingProxy;
import io.ldist.live.testkit.TestAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status checks and CloudWatch on moto: what is written is read back; bad input is refused before any call. */
class AwsCloudChecksAndMetricsTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String NAMESPACE = "ldist/test";
    private static final long NOW_S = Instant.now().getEpochSecond();
    private static final String A = "i-0000000000000000a";
    private static final String B = "i-0000000000000000b";
    private static final String C = "i-0000000000000000c";

    @Test
    void statusChecks_okForRunning_notApplicableForStopped_onlyForTheIdsAsked() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            String running = cloud.launch(launchRequest("tok-run")).instanceId();
            String stopped = cloud.launch(launchRequest("tok-stop")).instanceId();
            cloud.launch(launchRequest("tok-not-asked"));
            cloud.stop(stopped);

            Map<String, StatusChecks> checks = cloud.statusChecks(List.of(running, stopped));

            assertThat(checks).containsOnlyKeys(running, stopped);
            assertThat(checks.get(running).ok()).isTrue();
            assertThat(checks.get(stopped)).isEqualTo(new StatusChecks("not-applicable", "not-applicable"));
            assertThat(checks.get(stopped).impaired()).isFalse();
        }
    }

    @Test
    void statusChecks_ofMoreIdsThanOneCallTakes_areAskedInBatches() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            List<String> ids = aws.ec2().runInstances(b -> b.imageId(TestAws.WINDOWS_AMI).instanceType("m5.metal")
                            .minCount(AwsCloud.STATUS_IDS_PER_CALL + 1).maxCount(AwsCloud.STATUS_IDS_PER_CALL + 1))
                    .instances().stream().map(i -> i.instanceId()).toList();
            proxy.clearCalls();

            Map<String, StatusChecks> checks = new AwsCloud(CLUSTER, aws).statusChecks(ids);

            assertThat(checks).hasSize(ids.size());
            assertThat(proxy.actions()).containsExactly("ec2:DescribeInstanceStatus", "ec2:DescribeInstanceStatus");
        }
    }

    @Test
    void statusChecks_ofNoInstance_sendsNothing() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            assertThat(new AwsCloud(CLUSTER, aws).statusChecks(List.of())).isEmpty();
            assertThat(proxy.calls()).isEmpty();
        }
    }

    @Test
    void putThenLatest_readsBackTheNewestMinutesAveragePerInstance() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            cloud.put(NAMESPACE, List.of(cpu(A, NOW_S - 200, 10), cpu(A, NOW_S - 50, 40), cpu(A, NOW_S - 30, 60),
                    cpu(B, NOW_S - 150, 90), cpu(C, NOW_S - 4000, 10)));

            Map<String, MetricPoint> latest = cloud.latest(NAMESPACE, "CPUUtilization", List.of(A, B, C), NOW_S, 300);

            assertThat(latest).containsOnlyKeys(A, B);
            assertThat(latest.get(A).value()).isCloseTo(50, within(1e-9));
            assertThat(latest.get(B).value()).isCloseTo(90, within(1e-9));
        }
    }

    @Test
    void latest_isTimedByTheMinuteOfItsData_soAFreshValueLooksFresh_andAnOldOneOld() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            cloud.put(NAMESPACE, List.of(cpu(A, NOW_S - 20, 70), cpu(B, NOW_S - 250, 70)));

            Map<String, MetricPoint> latest = cloud.latest(NAMESPACE, "CPUUtilization", List.of(A, B), NOW_S, 300);

            // The Observer calls data older than 180 s stale: a value of 20 s ago must not look 300 s old.
            assertThat(NOW_S - latest.get(A).epochS()).isBetween(20L, 80L);
            assertThat(NOW_S - latest.get(B).epochS()).isBetween(250L, 310L);
        }
    }

    @Test
    void putAndLatest_ofMoreThanOneCallTakes_areBatched_andAllReadBack() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            List<MetricDatum> data = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CloudWatchMetrics.QUERIES_PER_CALL + 1; i++) {
                String id = String.format("i-%017x", i + 1);
                ids.add(id);
                data.add(cpu(id, NOW_S - 10, i % 100));
            }
            cloud.put(NAMESPACE, data);
            Map<String, MetricPoint> latest = cloud.latest(NAMESPACE, "CPUUtilization", ids, NOW_S, 300);

            assertThat(latest).hasSize(ids.size());
            assertThat(latest.get(ids.get(7)).value()).isEqualTo(7);
            assertThat(proxy.actions()).containsExactly("monitoring:PutMetricData",
                    "monitoring:GetMetricData", "monitoring:GetMetricData");
        }
    }

    @Test
    void badMetricInput_isRefusedBeforeAnyCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            List<String> one = List.of(A);

            assertThatThrownBy(() -> cloud.put(NAMESPACE, List.of(cpu(one.get(0), NOW_S, Double.NaN))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
            assertThatThrownBy(() -> cloud.put(NAMESPACE, List.of(new MetricDatum("CPUUtilization", Map.of(), NOW_S,
                    1, "Furlongs")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
            assertThatThrownBy(() -> cloud.put(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cloud.latest(NAMESPACE, "CPUUtilization", one, NOW_S, 45))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
            assertThatThrownBy(() -> cloud.latest(NAMESPACE, "CPUUtilization", List.of("bogus"), NOW_S, 60))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance id");
            assertThat(proxy.calls()).isEmpty();
        }
    }

    @Test
    void aServerErrorThatOutlastsTheRetries_surfacesAsATransientCloudException() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            proxy.inject("monitoring:GetMetricData", 3, RecordingProxy.Fault.serviceUnavailable());

            assertThatThrownBy(() -> new AwsCloud(CLUSTER, aws).latest(NAMESPACE, "CPUUtilization",
                    List.of(A), NOW_S, 60)).isInstanceOfSatisfying(CloudException.class, e -> {
                        assertThat(e.operation()).isEqualTo("monitoring:GetMetricData");
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.isTransient()).isTrue();
                    });
        }
    }

    @Test
    void throttlingWithinTheRetries_isRecoveredByTheSdk() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            proxy.inject("monitoring:PutMetricData", 2, RecordingProxy.Fault.throttling());

            cloud.put(NAMESPACE, List.of(cpu(A, NOW_S - 10, 33)));

            assertThat(proxy.calls()).extracting(RecordingProxy.Call::status).containsExactly(400, 400, 200);
            assertThat(cloud.latest(NAMESPACE, "CPUUtilization", List.of(A), NOW_S, 60))
                    .extractingByKey(A).extracting(MetricPoint::value).isEqualTo(33.0);
        }
    }

    private static MetricDatum cpu(String instanceId, long epochS, double percent) {
        return new MetricDatum("CPUUtilization", Map.of("InstanceId", instanceId), epochS, percent, "Percent");
    }
}
