package io.ldist.live.cloud;

import static io.ldist.live.cloud.SdkCalls.call;
import static io.ldist.live.cloud.SdkCalls.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@link Cloud} over EC2 and CloudWatch (aws-sdk-java-v2). Scoped to one cluster: every listing filters on
 * {@code tag:ldist:cluster=<cluster>} (and checks the tag again on what comes back), and every mutating call first
 * describes the instance by id and refuses, with a {@link ForeignInstanceException} and no mutating call sent, an
 * instance not tagged as the cluster's. Failures after the SDK's retries surface as {@link CloudException}.
 *
 * <p>Filters used are only those moto's server implements (tag:…, instance-state-name): any other filter name makes
 * moto answer 500. moto ignores client tokens, so callers must look a launch up by its token tag before repeating it
 * ({@link #findByLaunchToken}); real EC2 also honours the client token.
 */
public final class AwsCloud implements Cloud {
    /** EC2 refuses more instance ids per DescribeInstanceStatus call. */
    static final int STATUS_IDS_PER_CALL = 100;
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    /** Client tokens are at most 64 ASCII characters; wildcards would widen tag filters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/=+@-]{1,64}");
    private static final Set<String> RESERVED = Set.of(Tags.CLUSTER, Tags.LAUNCH_TOKEN);
    private static final int MAX_TAGS = 50;

    private final String cluster;
    private final Ec2Client ec2;
    private final CloudWatchMetrics metrics;

    public AwsCloud(String cluster, AwsClients clients) {
        this(cluster, clients.ec2(), clients.cloudWatch());
    }

    public AwsCloud(String cluster, Ec2Client ec2, CloudWatchClient cloudWatch) {
        this.cluster = requireClusterName(cluster);
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
        this.metrics = new CloudWatchMetrics(Objects.requireNonNull(cloudWatch, "cloudWatch"));
    }

    public String cluster() {
        return cluster;
    }

    @Override
    public List<CloudInstance> clusterInstances() {
        return describe(List.of(tagFilter(Tags.CLUSTER, cluster)));
    }

    @Override
    public Optional<CloudInstance> findByLaunchToken(String token) {
        requireToken(token);
        return describe(List.of(tagFilter(Tags.CLUSTER, cluster), tagFilter(Tags.LAUNCH_TOKEN, token))).stream()
                .filter(i -> token.equals(i.tag(Tags.LAUNCH_TOKEN)))
                // moto never dedupes a token: if a launch was repeated, the live one launched first stands for it.
                .min(Comparator.comparing((CloudInstance i) -> gone(i.state()))
                        .thenComparingLong(CloudInstance::launchEpochS)
                        .thenComparing(CloudInstance::instanceId));
    }

    @Override
    public CloudInstance launch(LaunchRequest request) {
        requireToken(request.token());
        requireUnreserved(request.tags());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(Tags.CLUSTER, cluster);
        tags.put(Tags.LAUNCH_TOKEN, request.token());
        tags.put(Tags.NAME, defaultName(request.tags()));
        tags.putAll(request.tags());
        requireValidTags(tags);
        RunInstancesResponse response = call("ec2:RunInstances",
                () -> ec2.runInstances(Ec2Requests.runInstances(request.spec(), request.token(), tags)));
        if (response.instances().size() != 1) {
            throw new CloudException("ec2:RunInstances", "ec2:RunInstances returned "
                    + response.instances().size() + " instances for launch token " + request.token() + ", expected 1");
        }
        return toCloudInstance(response.instances().get(0));
    }

    @Override
    public void start(String instanceId) {
        requireOwned("ec2:StartInstances", instanceId);
        run("ec2:StartInstances", () -> ec2.startInstances(b -> b.instanceIds(instanceId)));
    }

    @Override
    public void stop(String instanceId) {
        requireOwned("ec2:StopInstances", instanceId);
        run("ec2:StopInstances", () -> ec2.stopInstances(b -> b.instanceIds(instanceId)));
    }

    @Override
    public void terminate(String instanceId) {
        requireOwned("ec2:TerminateInstances", instanceId);
        run("ec2:TerminateInstances", () -> ec2.terminateInstances(b -> b.instanceIds(instanceId)));
    }

    @Override
    public void tag(String instanceId, Map<String, String> tags) {
        requireUnreserved(tags);
        requireValidTags(tags);
        if (tags.isEmpty()) {
            return;
        }
        requireOwned("ec2:CreateTags", instanceId);
        List<Tag> sdkTags = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        run("ec2:CreateTags", () -> ec2.createTags(b -> b.resources(instanceId).tags(sdkTags)));
    }

    @Override
    public void untag(String instanceId, String key) {
        requireUnreserved(Map.of(key, ""));
        requireOwned("ec2:DeleteTags", instanceId);
        // A key without a value deletes the tag whatever its value; an absent tag is no error.
        run("ec2:DeleteTags", () -> ec2.deleteTags(b -> b.resources(instanceId).tags(Tag.builder().key(key).build())));
    }

    /**
     * {@inheritDoc} With IncludeAllInstances, so a stopped instance is listed with "not-applicable" checks. EC2 takes
     * no tag filter here (and moto ignores filters), so only the ids asked for are kept.
     */
    @Override
    public Map<String, StatusChecks> statusChecks(Collection<String> instanceIds) {
        List<String> ids = distinctInstanceIds(instanceIds);
        Map<String, StatusChecks> checks = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += STATUS_IDS_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + STATUS_IDS_PER_CALL));
            Set<String> wanted = Set.copyOf(batch);
            List<InstanceStatus> statuses = call("ec2:DescribeInstanceStatus", () -> ec2
                    .describeInstanceStatusPaginator(b -> b.instanceIds(batch).includeAllInstances(true))
                    .instanceStatuses().stream().toList());
            for (InstanceStatus s : statuses) {
                if (wanted.contains(s.instanceId())) {
                    checks.put(s.instanceId(), new StatusChecks(
                            s.instanceStatus() == null ? null : s.instanceStatus().statusAsString(),
                            s.systemStatus() == null ? null : s.systemStatus().statusAsString()));
                }
            }
        }
        return checks;
    }

    @Override
    public Map<String, MetricPoint> latest(String namespace, String metricName, Collection<String> instanceIds,
                                           long atEpochS, int periodS) {
        return metrics.latest(namespace, metricName, distinctInstanceIds(instanceIds), atEpochS, periodS);
    }

    @Override
    public void put(String namespace, List<MetricDatum> data) {
        metrics.put(namespace, data);
    }

    private void requireOwned(String operation, String instanceId) {
        requireInstanceId(instanceId);
        List<CloudInstance> found = describe(DescribeInstancesRequest.builder().instanceIds(instanceId).build());
        if (found.isEmpty()) {
            throw new CloudException(operation, "refusing " + operation + " on " + instanceId
                    + ": DescribeInstances does not know it", "InvalidInstanceID.NotFound", 0, false, 0, null);
        }
        String owner = found.get(0).tag(Tags.CLUSTER);
        if (!cluster.equals(owner)) {
            throw new ForeignInstanceException(operation, instanceId, cluster, owner);
        }
    }

    /** Cluster-filtered listings; what comes back is checked against the cluster tag again. */
    private List<CloudInstance> describe(List<Filter> filters) {
        return describe(DescribeInstancesRequest.builder().filters(filters).build()).stream()
                .filter(i -> cluster.equals(i.tag(Tags.CLUSTER)))
                .toList();
    }

    private List<CloudInstance> describe(DescribeInstancesRequest request) {
        List<CloudInstance> found = call("ec2:DescribeInstances", () -> ec2.describeInstancesPaginator(request)
                .reservations().stream()
                .flatMap(r -> r.instances().stream())
                .map(AwsCloud::toCloudInstance)
                .toList());
        return found.stream().sorted(Comparator.comparing(CloudInstance::instanceId)).toList();
    }

    static CloudInstance toCloudInstance(Instance i) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag t : i.tags()) {
            tags.put(t.key(), t.value() == null ? "" : t.value());
        }
        return new CloudInstance(i.instanceId(), i.instanceTypeAsString(),
                i.state() == null ? "unknown" : i.state().nameAsString(), tags,
                i.launchTime() == null ? 0 : i.launchTime().getEpochSecond());
    }

    private String defaultName(Map<String, String> requestTags) {
        String index = requestTags.get(Tags.HOST_INDEX);
        return index == null ? "ldist-" + cluster : "ldist-" + cluster + "-" + index;
    }

    private static boolean gone(String state) {
        return "terminated".equals(state) || "shutting-down".equals(state);
    }

    private static Filter tagFilter(String key, String value) {
        return Filter.builder().name("tag:" + key).values(value).build();
    }

    private static List<String> distinctInstanceIds(Collection<String> instanceIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(instanceIds));
        ids.forEach(AwsCloud::requireInstanceId);
        return ids;
    }

    private static String requireClusterName(String cluster) {
        if (cluster == null || !cluster.matches("[A-Za-z0-9._:/=+@-]{1,128}")) {
            throw new IllegalArgumentException("cluster name must be 1 to 128 of letters, digits and ._:/=+@- "
                    + "(no wildcards: it is matched by a tag filter), got '" + cluster + "'");
        }
        return cluster;
    }

    private static void requireToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("launch token must be 1 to 64 of letters, digits and ._:/=+@- "
                    + "(EC2's client-token limit; no wildcards), got '" + token + "'");
        }
    }

    private static void requireInstanceId(String instanceId) {
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("not an EC2 instance id: '" + instanceId + "'");
        }
    }

    private static void requireUnreserved(Map<String, String> tags) {
        for (String key : tags.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException(key + " is set by ldist at launch and never changed by a caller");
            }
        }
    }

    private static void requireValidTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("EC2 allows " + MAX_TAGS + " tags per instance, got " + tags.size());
        }
        tags.forEach((k, v) -> {
            if (k == null || k.isEmpty() || k.length() > 128 || k.regionMatches(true, 0, "aws:", 0, 4)) {
                throw new IllegalArgumentException("bad tag key '" + k + "': 1 to 128 characters, not starting aws:");
            }
            if (v == null || v.length() > 256) {
                throw new IllegalArgumentException("bad value for tag " + k + ": at most 256 characters, not null");
            }
        });
    }
}
