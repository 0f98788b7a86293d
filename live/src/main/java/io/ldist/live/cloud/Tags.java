package io.ldist.live.cloud;

/** The tags ldist reads and writes. Only instances tagged {@link #CLUSTER} with the configured name are ever changed. */
public final class Tags {
    /** The cluster an instance belongs to. */
    public static final String CLUSTER = "ldist:cluster";
    /** The idempotency token of the launch that created the instance. */
    public static final String LAUNCH_TOKEN = "ldist:launch-token";
    /** The engine's index of the server, so that a restart names servers as before. */
    public static final String HOST_INDEX = "ldist:host-index";
    /** Set when ldist stopped the instance into the warm pool (a stopped instance without it has failed or was stopped by someone else). */
    public static final String STANDBY = "ldist:standby";
    public static final String NAME = "Name";

    private Tags() {
    }
}
