package io.ldist.live.cloud;

import java.util.Map;
import java.util.Objects;

/**
 * One instance to launch.
 *
 * @param token idempotency token: the client token and the {@code ldist:launch-token} tag
 * @param tags  tags besides the cluster's and the token, put on the instance at creation
 */
public record LaunchRequest(LaunchSpec spec, String token, Map<String, String> tags) {
    public LaunchRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(token, "token");
        tags = Map.copyOf(tags);
    }
}
