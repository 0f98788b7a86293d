package io.ldist.live.cloud;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the live driver asks of the cloud: EC2 instances of one cluster and their CloudWatch metrics. Scoped to a
 * cluster at construction: every listing filters on the cluster's tag, and no method takes an instance the caller
 * has not seen through {@link #clusterInstances()} (the executor checks ownership before calling; implementations
 * check it again).
 */
public interface Cloud {

    /** The cluster's instances (tagged {@code ldist:cluster=<name>}), every state but terminated-and-gone. */
    List<CloudInstance> clusterInstances();

    /** The cluster's instance launched with this token (tag {@code ldist:launch-token}), if any. */
    Optional<CloudInstance> findByLaunchToken(String token);

    /** Launches one instance tagged as the cluster's, with the token as a tag and as the client token. */
    CloudInstance launch(LaunchRequest request);

    void start(String instanceId);

    void stop(String instanceId);

    void terminate(String instanceId);

    /** Adds or overwrites tags on one of the cluster's instances. */
    void tag(String instanceId, Map<String, String> tags);

    /** Removes a tag from one of the cluster's instances (no-op when absent). */
    void untag(String instanceId, String key);

    /** Instance and system status checks of running instances; an instance not listed has no checks yet. */
    Map<String, StatusChecks> statusChecks(Collection<String> instanceIds);

    /**
     * Per instance, the newest one-minute average of a metric (of {@code periodS} seconds when shorter) within the
     * last {@code periodS} seconds up to {@code atEpochS}, timed by the start of its minute (GetMetricData, one query
     * per instance, batched); an instance without data in the window is absent.
     */
    Map<String, MetricPoint> latest(String namespace, String metricName, Collection<String> instanceIds,
                                    long atEpochS, int periodS);

    /** Publishes data points (PutMetricData, batched within CloudWatch's limits). */
    void put(String namespace, List<MetricDatum> data);
}
