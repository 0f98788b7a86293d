package io.ldist.live.cloud;

import static io.ldist.live.cloud.CloudFixtures.CLUSTER;
import static io.ldist.live.cloud.CloudFixtures.launchRequest;
import static io.ldist.live.cloud.CloudFixtures.state;
import static io.ldist.live.testkit.TestAws.rawInstance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.ldist.live.testkit.MotoServer;
import io.ldist.live.testkit.RecordingProxy;
import io.ldist.live.testkit.TestAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start, stop, terminate and tags on moto; foreign instances refused with nothing but a describe on the wire. */
class AwsCloudLifecycleTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Test
    void stopStartTerminate_changeTheInstancesState() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            String id = cloud.launch(launchRequest("tok-life")).instanceId();

            cloud.stop(id);
            assertThat(state(aws.ec2(), id)).isEqualTo("stopped");
            cloud.start(id);
            assertThat(state(aws.ec2(), id)).isEqualTo("running");
            cloud.terminate(id);
            assertThat(state(aws.ec2(), id)).isEqualTo("terminated");
            assertThat(cloud.clusterInstances()).singleElement()
                    .extracting(CloudInstance::instanceId, CloudInstance::state).containsExactly(id, "terminated");
        }
    }

    @Test
    void eachMutatingCall_describesTheInstanceFirst_thenSendsOneCall_onTheWire() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            String id = cloud.launch(launchRequest("tok-wire")).instanceId();
            proxy.clearCalls();

            cloud.stop(id);
            cloud.start(id);
            cloud.terminate(id);

            assertThat(proxy.actions()).containsExactly(
                    "ec2:DescribeInstances", "ec2:StopInstances",
                    "ec2:DescribeInstances", "ec2:StartInstances",
                    "ec2:DescribeInstances", "ec2:TerminateInstances");
        }
    }

    @Test
    void clusterInstances_listsTheClustersInStoppedStateToo_andNoOneElses() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            String running = cloud.launch(launchRequest("tok-a")).instanceId();
            String stopped = cloud.launch(launchRequest("tok-b")).instanceId();
            cloud.stop(stopped);
            rawInstance(aws.ec2(), Map.of());
            rawInstance(aws.ec2(), Map.of(Tags.CLUSTER, "c2"));
            rawInstance(aws.ec2(), Map.of(Tags.CLUSTER, CLUSTER + "-other"));

            assertThat(cloud.clusterInstances()).extracting(CloudInstance::instanceId, CloudInstance::state)
                    .containsExactlyInAnyOrder(tuple(running, "running"), tuple(stopped, "stopped"));
        }
    }

    @Test
    void tagAndUntag_changeOnlyTheGivenKeys() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            String id = cloud.launch(launchRequest("tok-tag")).instanceId();

            cloud.tag(id, Map.of(Tags.STANDBY, "true"));
            assertThat(CloudFixtures.tags(aws.ec2(), id)).containsEntry(Tags.STANDBY, "true")
                    .containsEntry(Tags.CLUSTER, CLUSTER);
            cloud.untag(id, Tags.STANDBY);
            cloud.untag(id, Tags.STANDBY); // absent: no error
            assertThat(CloudFixtures.tags(aws.ec2(), id)).doesNotContainKey(Tags.STANDBY)
                    .containsEntry(Tags.LAUNCH_TOKEN, "tok-tag");
        }
    }

    @Test
    void untaggedAndOtherClustersInstances_areRefused_withNoMutatingCallSent() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            String untagged = rawInstance(aws.ec2(), Map.of());
            String other = rawInstance(aws.ec2(), Map.of(Tags.CLUSTER, "c2", Tags.STANDBY, "true"));
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            proxy.clearCalls();
            List<Consumer<String>> mutations = List.of(cloud::start, cloud::stop, cloud::terminate,
                    id -> cloud.tag(id, Map.of("team", "x")), id -> cloud.untag(id, Tags.STANDBY));

            for (Consumer<String> mutation : mutations) {
                assertThatThrownBy(() -> mutation.accept(untagged)).isInstanceOf(ForeignInstanceException.class)
                        .hasMessageContaining("has no " + Tags.CLUSTER + " tag");
                assertThatThrownBy(() -> mutation.accept(other)).isInstanceOf(ForeignInstanceException.class)
                        .hasMessageContaining("tag is 'c2'");
            }

            assertThat(proxy.mutatingCalls()).isEmpty();
            assertThat(proxy.actions()).hasSize(2 * mutations.size()).containsOnly("ec2:DescribeInstances");
            assertThat(state(aws.ec2(), untagged)).isEqualTo("running");
            assertThat(state(aws.ec2(), other)).isEqualTo("running");
            assertThat(CloudFixtures.tags(aws.ec2(), untagged)).isEmpty();
            assertThat(CloudFixtures.tags(aws.ec2(), other)).isEqualTo(Map.of(Tags.CLUSTER, "c2", Tags.STANDBY, "true"));
        }
    }

    @Test
    void anInstanceEc2DoesNotKnow_isRefusedWithEc2sErrorCode_andNoMutatingCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);

            assertThatThrownBy(() -> cloud.stop("i-0123456789abcdef0")).isInstanceOfSatisfying(CloudException.class,
                    e -> {
                        assertThat(e.errorCode()).isEqualTo("InvalidInstanceID.NotFound");
                        assertThat(e.isTransient()).isFalse();
                    });
            assertThat(proxy.mutatingCalls()).isEmpty();
        }
    }

    @Test
    void malformedIdsAndLdistsOwnTags_areRefusedBeforeAnyCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);

            assertThatThrownBy(() -> cloud.stop("i-*")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an EC2 instance id");
            assertThatThrownBy(() -> cloud.terminate(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cloud.tag("i-0123456789abcdef0", Map.of(Tags.LAUNCH_TOKEN, "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Tags.LAUNCH_TOKEN);
            assertThatThrownBy(() -> cloud.untag("i-0123456789abcdef0", Tags.CLUSTER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Tags.CLUSTER);
            assertThatThrownBy(() -> cloud.tag("i-0123456789abcdef0", Map.of("aws:owner", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aws:");
            assertThatThrownBy(() -> cloud.statusChecks(List.of("i-1", "not-an-id")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(proxy.calls()).isEmpty();
        }
    }
}
