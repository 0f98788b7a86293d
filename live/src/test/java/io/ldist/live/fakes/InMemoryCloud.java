package io.ldist.live.fakes;

import io.ldist.live.cloud.Cloud;
import io.ldist.live.cloud.CloudInstance;
import io.ldist.live.cloud.ForeignInstanceException;
import io.ldist.live.cloud.LaunchRequest;
import io.ldist.live.cloud.MetricDatum;
import io.ldist.live.cloud.MetricPoint;
import io.ldist.live.cloud.StatusChecks;
import io.ldist.live.cloud.Tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud kept in memory for fast engine-level tests of the live driver (the same scenarios also run on AwsCloud over
 * moto). EC2's states change at once, as moto's do; status checks always pass. Records every call, by EC2 or
 * CloudWatch action name, so a test can check a dry run made no mutating one.
 */
public final class InMemoryCloud implements Cloud, CloudUnderTest {
    private final String cluster = LiveConfigs.CLUSTER;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, Map<String, MetricPoint>> metrics = new HashMap<>();
    private int next = 1;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, List<String>> mutatingCallsByInstance = new HashMap<>();

    private static final class Instance {
        String id;
        String type;
        String state;
        Map<String, String> tags = new LinkedHashMap<>();
        long launchEpochS;
    }

    @Override
    public Cloud cloud() {
        return this;
    }

    @Override
    public synchronized String addForeign(Map<String, String> tags) {
        Instance i = new Instance();
        i.id = "i-" + String.format("%017x", next++);
        i.type = "m5.metal";
        i.state = "running";
        i.tags.putAll(tags);
        instances.put(i.id, i);
        return i.id;
    }

    @Override
    public synchronized String state(String id) {
        return instances.get(id).state;
    }

    @Override
    public synchronized Map<String, String> tags(String id) {
        return Map.copyOf(instances.get(id).tags);
    }

    @Override
    public void stopBehindLdistsBack(String instanceId) {
        setState(instanceId, "stopped");
    }

    /** Someone stops (or terminates) an instance behind ldist's back. */
    public synchronized void setState(String id, String state) {
        instances.get(id).state = state;
    }

    @Override
    public synchronized void reportCpu(String instanceId, long epochS, double percent) {
        setMetric("AWS/EC2", "CPUUtilization", instanceId, epochS, percent);
    }

    /** Any metric, as the CloudWatch agent or EC2 would publish it. */
    public synchronized void setMetric(String namespace, String metricName, String id, long epochS, double value) {
        metrics.computeIfAbsent(namespace + "/" + metricName, k -> new HashMap<>()).put(id, new MetricPoint(epochS, value));
    }

    @Override
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized List<String> mutatingCallsOn(String instanceId) {
        return List.copyOf(mutatingCallsByInstance.getOrDefault(instanceId, List.of()));
    }

    /** Recorded before the ownership check, as an attempt: the test wants to know it was tried at all. */
    private void called(String action, String instanceId) {
        calls.add(action);
        mutatingCallsByInstance.computeIfAbsent(instanceId, k -> new ArrayList<>()).add(action);
    }

    @Override
    public void close() {
        // nothing held
    }

    public List<String> ids() {
        return new ArrayList<>(instances.keySet());
    }

    private boolean ours(Instance i) {
        return cluster.equals(i.tags.get(Tags.CLUSTER));
    }

    private Instance owned(String id) {
        Instance i = instances.get(id);
        if (i == null) {
            throw new IllegalStateException("no instance " + id);
        }
        if (!ours(i)) {
            throw new ForeignInstanceException("ec2", id, cluster, i.tags.get(Tags.CLUSTER));
        }
        return i;
    }

    private static CloudInstance view(Instance i) {
        return new CloudInstance(i.id, i.type, i.state, i.tags, i.launchEpochS);
    }

    @Override
    public synchronized List<CloudInstance> clusterInstances() {
        calls.add("DescribeInstances");
        List<CloudInstance> out = new ArrayList<>();
        for (Instance i : instances.values()) {
            if (ours(i)) {
                out.add(view(i));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<CloudInstance> findByLaunchToken(String token) {
        calls.add("DescribeInstances");
        for (Instance i : instances.values()) {
            if (ours(i) && token.equals(i.tags.get(Tags.LAUNCH_TOKEN)) && !"terminated".equals(i.state)) {
                return Optional.of(view(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized CloudInstance launch(LaunchRequest request) {
        calls.add("RunInstances");
        Instance i = new Instance();
        i.id = "i-" + String.format("%017x", next++);
        i.type = request.spec().instanceType();
        i.state = "running";
        i.tags.putAll(request.tags());
        i.tags.put(Tags.CLUSTER, cluster);
        i.tags.put(Tags.LAUNCH_TOKEN, request.token());
        i.launchEpochS = next;
        instances.put(i.id, i);
        return view(i);
    }

    @Override
    public synchronized void start(String instanceId) {
        called("StartInstances", instanceId);
        owned(instanceId).state = "running";
    }

    @Override
    public synchronized void stop(String instanceId) {
        called("StopInstances", instanceId);
        owned(instanceId).state = "stopped";
    }

    @Override
    public synchronized void terminate(String instanceId) {
        called("TerminateInstances", instanceId);
        owned(instanceId).state = "terminated";
    }

    @Override
    public synchronized void tag(String instanceId, Map<String, String> tags) {
        called("CreateTags", instanceId);
        owned(instanceId).tags.putAll(tags);
    }

    @Override
    public synchronized void untag(String instanceId, String key) {
        called("DeleteTags", instanceId);
        owned(instanceId).tags.remove(key);
    }

    @Override
    public synchronized Map<String, StatusChecks> statusChecks(Collection<String> instanceIds) {
        calls.add("DescribeInstanceStatus");
        Map<String, StatusChecks> out = new HashMap<>();
        for (String id : instanceIds) {
            Instance i = instances.get(id);
            if (i != null && "running".equals(i.state)) {
                out.put(id, new StatusChecks("ok", "ok"));
            }
        }
        return out;
    }

    @Override
    public synchronized Map<String, MetricPoint> latest(String namespace, String metricName,
                                                        Collection<String> instanceIds, long atEpochS, int periodS) {
        calls.add("GetMetricData");
        Map<String, MetricPoint> out = new HashMap<>();
        Map<String, MetricPoint> series = metrics.getOrDefault(namespace + "/" + metricName, Map.of());
        for (String id : instanceIds) {
            MetricPoint point = series.get(id);
            if (point != null && point.epochS() > atEpochS - periodS && point.epochS() <= atEpochS) {
                out.put(id, point);
            }
        }
        return out;
    }

    @Override
    public synchronized void put(String namespace, List<MetricDatum> data) {
        calls.add("PutMetricData");
    }
}
