package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Remove an empty server from the fleet for good.
 */
public record TerminateHost(HostId host, Reason reason) implements Action {
    public TerminateHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }
}
