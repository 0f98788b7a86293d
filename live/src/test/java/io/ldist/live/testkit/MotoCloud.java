package io.ldist.live.testkit;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ldist.live.cloud.AwsClients;
import io.ldist.live.cloud.AwsCloud;
import io.ldist.live.cloud.AwsSettings;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.fakes.CloudUnderTest;
import io.ldist.live.observe.Observer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * AwsCloud on moto, through a {@link RecordingProxy} that sees (and may fault) every call ldist makes; what the test
 * does behind ldist's back goes to moto directly with plain SDK clients, so it is neither recorded nor faulted.
 */
public final class MotoCloud implements CloudUnderTest {
    private final RecordingProxy proxy;
    private final AwsClients clients;
    private final AwsCloud cloud;
    private final Ec2Client rawEc2;
    private final CloudWatchClient rawCloudWatch;

    /** ldist's clients with the test settings ({@link TestAws#settings}). */
    public MotoCloud(URI moto, String cluster) {
        this(moto, cluster, TestAws.settings(moto));
    }

    /** ldist's clients with these settings (their endpoint is replaced by the proxy's). */
    public MotoCloud(URI moto, String cluster, AwsSettings settings) {
        this.proxy = RecordingProxy.start(moto);
        this.clients = TestAws.clients(settings.withEndpoint(proxy.endpoint()));
        this.cloud = new AwsCloud(cluster, clients);
        this.rawEc2 = TestAws.rawEc2(moto);
        this.rawCloudWatch = TestAws.rawCloudWatch(moto);
    }

    /** The proxy in front of moto, to inject faults or read the wire. */
    public RecordingProxy proxy() {
        return proxy;
    }

    @Override
    public Cloud cloud() {
        return cloud;
    }

    @Override
    public String addForeign(Map<String, String> tags) {
        return TestAws.rawInstance(rawEc2, tags);
    }

    @Override
    public void stopBehindLdistsBack(String instanceId) {
        rawEc2.stopInstances(b -> b.instanceIds(instanceId));
    }

    @Override
    public void reportCpu(String instanceId, long epochS, double percent) {
        rawCloudWatch.putMetricData(b -> b.namespace(Observer.NAMESPACE).metricData(d -> d
                .metricName(Observer.CPU_METRIC).dimensions(dim -> dim.name("InstanceId").value(instanceId))
                .timestamp(Instant.ofEpochSecond(epochS)).value(percent).unit(StandardUnit.PERCENT)));
    }

    @Override
    public String state(String instanceId) {
        return describe(instanceId).state().nameAsString();
    }

    @Override
    public Map<String, String> tags(String instanceId) {
        Map<String, String> tags = new TreeMap<>();
        describe(instanceId).tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @Override
    public List<String> calls() {
        return proxy.calls().stream().map(RecordingProxy.Call::action).toList();
    }

    @Override
    public List<String> mutatingCallsOn(String instanceId) {
        return proxy.mutatingCalls().stream().filter(c -> c.body() != null && c.body().contains(instanceId))
                .map(RecordingProxy.Call::action).toList();
    }

    @Override
    public void close() {
        rawCloudWatch.close();
        rawEc2.close();
        clients.close();
        proxy.close();
    }

    private Instance describe(String instanceId) {
        return rawEc2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }
}
