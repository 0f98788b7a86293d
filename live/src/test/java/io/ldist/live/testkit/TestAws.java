package io.ldist.live.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.ldist.live.cloud.AwsClients;
import io.ldist.live.cloud.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * What every test that talks AWS uses: region us-east-1, static credentials "testing", an explicit endpoint on
 * 127.0.0.1 (never the environment's, never the internet), and the STANDARD retry strategy with tiny backoffs so
 * that retried faults do not slow the build.
 */
public final class TestAws {
    public static final String REGION = "us-east-1";
    /** A Windows Server AMI among moto's defaults (moto does not validate AMIs unless asked). */
    public static final String WINDOWS_AMI = "ami-b7e93bce";

    private TestAws() {
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    /** Settings for an endpoint: 3 attempts, backoff 1..5 ms, 30 s per call, 10 s per attempt. */
    public static AwsSettings settings(URI endpoint) {
        return AwsSettings.of(REGION).withEndpoint(endpoint)
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5))
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public static AwsClients clients(AwsSettings settings) {
        return new AwsClients(settings, credentials());
    }

    public static AwsClients clients(URI endpoint) {
        return clients(settings(endpoint));
    }

    /** A plain EC2 client on the endpoint, for arranging what ldist must not touch. Close it. */
    public static Ec2Client rawEc2(URI endpoint) {
        return AwsClients.configure(Ec2Client.builder(), settings(endpoint), credentials()).build();
    }

    /** A running instance created behind ldist's back with these tags (none: untagged); its id. */
    public static String rawInstance(Ec2Client ec2, Map<String, String> tags) {
        return ec2.runInstances(b -> {
            b.imageId(WINDOWS_AMI).instanceType("m5.metal").minCount(1).maxCount(1);
            if (!tags.isEmpty()) {
                b.tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
            }
        }).instances().get(0).instanceId();
    }

    /** A plain CloudWatch client on the endpoint. Close it. */
    public static CloudWatchClient rawCloudWatch(URI endpoint) {
        return AwsClients.configure(CloudWatchClient.builder(), settings(endpoint), credentials()).build();
    }
}
