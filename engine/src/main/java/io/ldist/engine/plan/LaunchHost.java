package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostType;

import java.util.Objects;

/**
 * Start a new server. Its id is the next unused index, counted from the view's {@code hostCount()}, so a plan
 * replayed after a restart names the same server (the live adapter derives its idempotency token from it).
 *
 * @param intoStandby when true the server is stopped as soon as it has booted, to wait in the warm pool
 */
public record LaunchHost(HostId host, HostType type, boolean intoStandby, Reason reason) implements Action {
    public LaunchHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
