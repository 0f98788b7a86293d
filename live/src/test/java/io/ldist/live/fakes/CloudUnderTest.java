package io.ldist.live.fakes;

import java.util.List;
import java.util.Map;

import io.ldist.live.cloud.Cloud;

/**
 * The cloud a live scenario runs on, with what the test does behind ldist's back and what it checks afterwards, so
 * that one scenario runs unchanged on the in-memory cloud and on AwsCloud over moto. Actions behind ldist's back are
 * not counted among ldist's calls.
 */
public interface CloudUnderTest extends AutoCloseable {
    /** The cloud ldist is given, scoped to {@link LiveConfigs#CLUSTER}. */
    Cloud cloud();

    /** A running instance someone else created, with these tags (none: untagged). */
    String addForeign(Map<String, String> tags);

    /** Someone stops one of the cluster's instances without telling ldist. */
    void stopBehindLdistsBack(String instanceId);

    /** CPU utilization in percent, published where the observer reads it (CloudWatch's AWS/EC2 CPUUtilization). */
    void reportCpu(String instanceId, long epochS, double percent);

    String state(String instanceId);

    Map<String, String> tags(String instanceId);

    /** Every call ldist made, by action name (RunInstances, DescribeInstances, GetMetricData, ...), in order. */
    List<String> calls();

    /** The calls that were not Describe*, Get* or List*. */
    default List<String> mutatingCalls() {
        return calls().stream().filter(c -> !(c.startsWith("Describe") || c.startsWith("Get") || c.startsWith("List")))
                .toList();
    }

    /** The mutating calls that named this instance (on moto: that reached the wire naming it). */
    List<String> mutatingCallsOn(String instanceId);

    @Override
    void close();
}
