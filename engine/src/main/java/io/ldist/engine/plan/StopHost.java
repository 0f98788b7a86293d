package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Stop an empty server; it waits in the standby pool, unbilled, until resumed.
 */
public record StopHost(HostId host, Reason reason) implements Action {
    public StopHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }
}
