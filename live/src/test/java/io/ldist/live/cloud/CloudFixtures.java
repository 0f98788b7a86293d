package io.ldist.live.cloud;

import java.util.List;
import java.util.Map;

import io.ldist.live.testkit.TestAws;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Requests and foreign instances for the AwsCloud tests. */
final class CloudFixtures {
    static final String CLUSTER = "c1";
    static final LaunchSpec METAL = new LaunchSpec(null, TestAws.WINDOWS_AMI, "m5.metal", null, List.of(), null, null);

    private CloudFixtures() {
    }

    static LaunchRequest launchRequest(String token) {
        return new LaunchRequest(METAL, token, Map.of(Tags.HOST_INDEX, "7", "team", "grid"));
    }

    static String state(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .state().nameAsString();
    }

    static Map<String, String> tags(Ec2Client ec2, String instanceId) {
        return AwsCloud.toCloudInstance(ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0)
                .instances().get(0)).tags();
    }
}
