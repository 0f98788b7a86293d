package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Start a server from the standby pool (stopped, warm).
 */
public record ResumeHost(HostId host, Reason reason) implements Action {
    public ResumeHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }
}
