package io.ldist.live.fakes;

import io.ldist.live.cloud.Cloud;
import io.ldist.live.cloud.CloudInstance;
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
 * A cloud kept in memory for fast engine-level tests of the live driver (the AWS adapter itself is tested against
 * moto). EC2's states change at once, as moto's do. Counts mutating calls so a test can check a dry run made none.
 */
public final class InMemoryCloud implements Cloud {
    private final String cluster;
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, StatusChecks> checks = new HashMap<>();
    private final Map<String, Map<String, MetricPoint>> metrics = new HashMap<>();
    private int next = 1;
    public int mutatingCalls;
    public final List<String> calls = new ArrayList<>();

    private static final class Instance {
        String id;
        String type;
        String state;
        Map<String, String> tags = new LinkedHashMap<>();
        long launchEpochS;
    }

    public InMemoryCloud(String cluster) {
        this.cluster = cluster;
    }

    /** An instance someone else created, with these tags. */
    public String addForeign(String type, String state, Map<String, String> tags) {
        Instance i = new Instance();
        i.id = "i-" + String.format("%017x", next++);
        i.type = type;
        i.state = state;
        i.tags.putAll(tags);
        instances.put(i.id, i);
        return i.id;
    }

    public String state(String id) {
        return instances.get(id).state;
    }

    public Map<String, String> tags(String id) {
        return Map.copyOf(instances.get(id).tags);
    }

    /** Someone stops (or terminates) an instance behind ldist's back. */
    public void setState(String id, String state) {
        instances.get(id).state = state;
    }

    public void setChecks(String id, StatusChecks status) {
        checks.put(id, status);
    }

    public void setCpu(String id, long epochS, double percent) {
        setMetric("AWS/EC2", "CPUUtilization", id, epochS, percent);
    }

    public void setMetric(String namespace, String metricName, String id, long epochS, double value) {
        metrics.computeIfAbsent(namespace + "/" + metricName, k -> new HashMap<>()).put(id, new MetricPoint(epochS, value));
    }

    public List<String> ids() {
        return new ArrayList<>(instances.keySet());
    }

    private boolean ours(Instance i) {
        return cluster.equals(i.tags.get(Tags.CLUSTER));
    }

    private Instance owned(String id) {
        Instance i = instances.get(id);
        if (i == null || !ours(i)) {
            throw new IllegalStateException(id + " is not an instance of cluster " + cluster);
        }
        return i;
    }

    private static CloudInstance view(Instance i) {
        return new CloudInstance(i.id, i.type, i.state, i.tags, i.launchEpochS);
    }

    @Override
    public synchronized List<CloudInstance> clusterInstances() {
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
        for (Instance i : instances.values()) {
            if (ours(i) && token.equals(i.tags.get(Tags.LAUNCH_TOKEN)) && !"terminated".equals(i.state)) {
                return Optional.of(view(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized CloudInstance launch(LaunchRequest request) {
        mutatingCalls++;
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
        mutatingCalls++;
        calls.add("StartInstances");
        owned(instanceId).state = "running";
    }

    @Override
    public synchronized void stop(String instanceId) {
        mutatingCalls++;
        calls.add("StopInstances");
        owned(instanceId).state = "stopped";
    }

    @Override
    public synchronized void terminate(String instanceId) {
        mutatingCalls++;
        calls.add("TerminateInstances");
        owned(instanceId).state = "terminated";
    }

    @Override
    public synchronized void tag(String instanceId, Map<String, String> tags) {
        mutatingCalls++;
        calls.add("CreateTags");
        owned(instanceId).tags.putAll(tags);
    }

    @Override
    public synchronized void untag(String instanceId, String key) {
        mutatingCalls++;
        calls.add("DeleteTags");
        owned(instanceId).tags.remove(key);
    }

    @Override
    public synchronized Map<String, StatusChecks> statusChecks(Collection<String> instanceIds) {
        Map<String, StatusChecks> out = new HashMap<>();
        for (String id : instanceIds) {
            Instance i = instances.get(id);
            if (i != null && "running".equals(i.state)) {
                out.put(id, checks.getOrDefault(id, new StatusChecks("ok", "ok")));
            }
        }
        return out;
    }

    @Override
    public synchronized Map<String, MetricPoint> latest(String namespace, String metricName,
                                                        Collection<String> instanceIds, long atEpochS, int periodS) {
        Map<String, MetricPoint> out = new HashMap<>();
        Map<String, MetricPoint> series = metrics.getOrDefault(namespace + "/" + metricName, Map.of());
        for (String id : instanceIds) {
            if (series.containsKey(id)) {
                out.put(id, series.get(id));
            }
        }
        return out;
    }

    @Override
    public synchronized void put(String namespace, List<MetricDatum> data) {
        mutatingCalls++;
        calls.add("PutMetricData");
    }
}
