package io.ldist.live.cloud;

import java.util.Map;
import java.util.Objects;

/**
 * One EC2 instance as described.
 *
 * @param state     EC2's state name: pending, running, stopping, stopped, shutting-down, terminated
 * @param tags      every tag, by key
 * @param launchEpochS launch time, seconds since 1970
 */
public record CloudInstance(String instanceId, String instanceType, String state, Map<String, String> tags,
                            long launchEpochS) {
    public CloudInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        tags = Map.copyOf(tags);
    }

    public String tag(String key) {
        return tags.get(key);
    }
}
