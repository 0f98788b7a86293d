package io.ldist.live.cloud;

import static io.ldist.live.cloud.SdkCalls.call;
import static io.ldist.live.cloud.SdkCalls.run;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/** CloudWatch reads and writes of {@link AwsCloud}, batched within CloudWatch's limits. */
final class CloudWatchMetrics {
    /** GetMetricData takes at most 500 queries per call. */
    static final int QUERIES_PER_CALL = 500;
    /** PutMetricData takes at most 1000 metrics per call... */
    static final int DATA_PER_CALL = 1000;
    /** ...and at most 1 MB per request; the estimate below is pessimistic, this keeps a margin besides. */
    static final int BYTES_PER_CALL = 900_000;
    private static final int MAX_DIMENSIONS = 30;
    /**
     * The window is read in buckets of a minute (EC2's detailed-monitoring resolution): CloudWatch times a bucket by
     * its start, so one bucket as wide as the window would make even a value written a second ago look a whole
     * window old, and a staleness check on it would always fail.
     */
    static final int BUCKET_S = 60;

    private final CloudWatchClient cloudWatch;

    CloudWatchMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    Map<String, MetricPoint> latest(String namespace, String metricName, List<String> instanceIds, long atEpochS,
                                    int periodS) {
        requireName(namespace, "namespace");
        requireName(metricName, "metricName");
        requirePeriod(periodS);
        Instant end = Instant.ofEpochSecond(atEpochS);
        Instant start = end.minusSeconds(periodS);
        int bucketS = Math.min(periodS, BUCKET_S);
        Map<String, MetricPoint> newest = new HashMap<>();
        for (int from = 0; from < instanceIds.size(); from += QUERIES_PER_CALL) {
            List<String> batch = instanceIds.subList(from, Math.min(instanceIds.size(), from + QUERIES_PER_CALL));
            List<MetricDataQuery> queries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                String instanceId = batch.get(i);
                queries.add(MetricDataQuery.builder().id("m" + i).returnData(true)
                        .metricStat(s -> s.period(bucketS).stat("Average").metric(m -> m.namespace(namespace)
                                .metricName(metricName)
                                .dimensions(Dimension.builder().name("InstanceId").value(instanceId).build())))
                        .build());
            }
            GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_DESCENDING).metricDataQueries(queries).build();
            List<MetricDataResult> results = call("monitoring:GetMetricData",
                    () -> cloudWatch.getMetricDataPaginator(request).metricDataResults().stream().toList());
            for (MetricDataResult r : results) {
                String instanceId = batch.get(Integer.parseInt(r.id().substring(1)));
                for (int k = 0; k < Math.min(r.timestamps().size(), r.values().size()); k++) {
                    MetricPoint p = new MetricPoint(r.timestamps().get(k).getEpochSecond(), r.values().get(k));
                    newest.merge(instanceId, p, (a, b) -> b.epochS() > a.epochS() ? b : a);
                }
            }
        }
        return newest;
    }

    void put(String namespace, List<MetricDatum> data) {
        requireName(namespace, "namespace");
        data.forEach(CloudWatchMetrics::requireValid);
        for (List<MetricDatum> batch : batches(namespace, data)) {
            List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> sdk = batch.stream()
                    .map(CloudWatchMetrics::toSdk).toList();
            run("monitoring:PutMetricData", () -> cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(sdk)));
        }
    }

    /** Consecutive batches of at most {@link #DATA_PER_CALL} data and {@link #BYTES_PER_CALL} estimated bytes. */
    static List<List<MetricDatum>> batches(String namespace, List<MetricDatum> data) {
        List<List<MetricDatum>> batches = new ArrayList<>();
        int header = 80 + 3 * utf8(namespace);
        List<MetricDatum> current = new ArrayList<>();
        int bytes = header;
        for (MetricDatum d : data) {
            int size = estimatedBytes(d);
            if (!current.isEmpty() && (current.size() == DATA_PER_CALL || bytes + size > BYTES_PER_CALL)) {
                batches.add(List.copyOf(current));
                current.clear();
                bytes = header;
            }
            current.add(d);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /**
     * Pessimistic size of one datum in the Query-protocol form body: each field's key
     * ({@code MetricData.member.NNNN.Dimensions.member.NN.Value=}) plus its value, percent-encoded (at most 3 bytes per byte).
     */
    static int estimatedBytes(MetricDatum d) {
        int fieldKey = 50;
        int size = 4 * fieldKey + 3 * utf8(d.metricName()) + 3 * utf8(d.unit()) + 3 * 30 + 3 * 25;
        for (Map.Entry<String, String> e : d.dimensions().entrySet()) {
            size += 2 * fieldKey + 3 * (utf8(e.getKey()) + utf8(e.getValue()));
        }
        return size;
    }

    private static software.amazon.awssdk.services.cloudwatch.model.MetricDatum toSdk(MetricDatum d) {
        List<Dimension> dims = d.dimensions().entrySet().stream()
                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                .toList();
        return software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder()
                .metricName(d.metricName()).dimensions(dims).timestamp(Instant.ofEpochSecond(d.epochS()))
                .value(d.value()).unit(StandardUnit.fromValue(d.unit())).build();
    }

    private static void requireValid(MetricDatum d) {
        requireName(d.metricName(), "metricName");
        if (!Double.isFinite(d.value())) {
            throw new IllegalArgumentException("CloudWatch takes finite values only: " + d.metricName() + " = " + d.value());
        }
        if (StandardUnit.fromValue(d.unit()) == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("unknown CloudWatch unit '" + d.unit() + "' (for example Percent, Bytes, Count, None)");
        }
        if (d.dimensions().size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(d.metricName() + " has " + d.dimensions().size()
                    + " dimensions; CloudWatch allows " + MAX_DIMENSIONS);
        }
    }

    private static void requirePeriod(int periodS) {
        boolean highResolution = periodS == 1 || periodS == 5 || periodS == 10 || periodS == 30;
        if (!highResolution && (periodS <= 0 || periodS % 60 != 0)) {
            throw new IllegalArgumentException("period must be 1, 5, 10, 30 or a multiple of 60 seconds, got " + periodS);
        }
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException(what + " must be 1 to 255 characters, got '" + name + "'");
        }
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
