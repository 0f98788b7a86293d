package io.ldist.live.cloud;

import static io.ldist.live.cloud.CloudFixtures.CLUSTER;
import static io.ldist.live.cloud.CloudFixtures.launchRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.ldist.live.testkit.MotoServer;
import io.ldist.live.testkit.RecordingProxy;
import io.ldist.live.testkit.TestAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;

class AwsCloudLaunchTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @Test
    void launch_tagsTheInstanceWithClusterTokenNameAndTheRequestsTags() {
        try (AwsClients aws = MOTO.clients()) {
            CloudInstance launched = new AwsCloud(CLUSTER, aws).launch(launchRequest("tok-1"));

            assertThat(launched.instanceType()).isEqualTo("m5.metal");
            assertThat(launched.state()).isEqualTo("pending");
            Map<String, String> expected = Map.of(Tags.CLUSTER, CLUSTER, Tags.LAUNCH_TOKEN, "tok-1",
                    Tags.NAME, "ldist-c1-7", Tags.HOST_INDEX, "7", "team", "grid");
            assertThat(launched.tags()).isEqualTo(expected);
            assertThat(CloudFixtures.tags(aws.ec2(), launched.instanceId())).isEqualTo(expected);
        }
    }

    @Test
    void launch_tagsTheInstancesVolumesToo() {
        try (AwsClients aws = MOTO.clients()) {
            CloudInstance launched = new AwsCloud(CLUSTER, aws).launch(launchRequest("tok-v"));

            List<Volume> volumes = aws.ec2().describeVolumes(b -> b.filters(f -> f.name("attachment.instance-id")
                    .values(launched.instanceId()))).volumes();
            assertThat(volumes).isNotEmpty().allSatisfy(v -> assertThat(v.tags())
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo(Tags.CLUSTER + "=" + CLUSTER))
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo(Tags.LAUNCH_TOKEN + "=tok-v")));
        }
    }

    @Test
    void launch_sendsOneInstanceWithTheTokenAsClientToken_onTheWire() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            new AwsCloud(CLUSTER, aws).launch(launchRequest("tok-wire"));

            assertThat(proxy.actions()).containsExactly("ec2:RunInstances");
            String body = proxy.calls().get(0).body();
            assertThat(body).contains("ClientToken=tok-wire", "MinCount=1", "MaxCount=1",
                    "TagSpecification.1.ResourceType=instance", "TagSpecification.2.ResourceType=volume");
        }
    }

    @Test
    void findByLaunchToken_findsTheLaunch_andNothingForAnotherToken() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            CloudInstance launched = cloud.launch(launchRequest("tok-2"));
            cloud.launch(launchRequest("tok-3"));

            assertThat(cloud.findByLaunchToken("tok-2")).map(CloudInstance::instanceId)
                    .contains(launched.instanceId());
            assertThat(cloud.findByLaunchToken("tok-none")).isEmpty();
        }
    }

    @Test
    void findByLaunchToken_afterARepeatedLaunch_givesTheLiveOneLaunchedFirst() {
        try (AwsClients aws = MOTO.clients()) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            // moto ignores client tokens: the same token twice makes two instances (real EC2 would not).
            CloudInstance first = cloud.launch(launchRequest("tok-twice"));
            CloudInstance second = cloud.launch(launchRequest("tok-twice"));
            assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
            cloud.terminate(first.instanceId());

            CloudInstance found = cloud.findByLaunchToken("tok-twice").orElseThrow();

            assertThat(found.instanceId()).isEqualTo(second.instanceId());
        }
    }

    @Test
    void findByLaunchToken_ignoresAnotherClustersInstanceWithTheSameToken() {
        try (AwsClients aws = MOTO.clients()) {
            new AwsCloud("c2", aws).launch(launchRequest("shared-token"));

            assertThat(new AwsCloud(CLUSTER, aws).findByLaunchToken("shared-token")).isEmpty();
        }
    }

    @Test
    void launch_withATagThatLdistOwns_isRefusedBeforeAnyCall() {
        try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
             AwsClients aws = TestAws.clients(proxy.endpoint())) {
            AwsCloud cloud = new AwsCloud(CLUSTER, aws);
            LaunchRequest sneaky = new LaunchRequest(CloudFixtures.METAL, "tok", Map.of(Tags.CLUSTER, "c2"));

            assertThatThrownBy(() -> cloud.launch(sneaky)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Tags.CLUSTER);
            assertThatThrownBy(() -> cloud.launch(launchRequest("bad*token")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcards");
            assertThat(proxy.calls()).isEmpty();
        }
    }

    @Test
    void launch_withALaunchTemplateAndProfile_buildsTheRequestFromThem() {
        LaunchSpec spec = new LaunchSpec("lt-0abc", null, "m5.metal", "subnet-1", List.of("sg-1"), "key",
                "arn:aws:iam::123456789012:instance-profile/ldist-host");
        var request = Ec2Requests.runInstances(spec, "t", Map.of("k", "v"));

        assertThat(request.launchTemplate().launchTemplateId()).isEqualTo("lt-0abc");
        assertThat(request.imageId()).isNull();
        assertThat(request.iamInstanceProfile().arn()).endsWith("instance-profile/ldist-host");
        assertThat(request.subnetId()).isEqualTo("subnet-1");
        assertThat(request.securityGroupIds()).containsExactly("sg-1");
        assertThat(Ec2Requests.runInstances(new LaunchSpec("hosts", null, "m5.metal", null, List.of(), null, "prof"),
                "t", Map.of()).launchTemplate().launchTemplateName()).isEqualTo("hosts");
    }

    @Test
    void aClusterNameWithAWildcard_isRefused() {
        try (Ec2Client ec2 = TestAws.rawEc2(MOTO.endpoint());
             var cw = TestAws.rawCloudWatch(MOTO.endpoint())) {
            assertThatThrownBy(() -> new AwsCloud("prod*", ec2, cw)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no wildcards");
        }
    }
}
