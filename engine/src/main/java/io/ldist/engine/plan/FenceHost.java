package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Declare a server failed: stop routing to it and treat what ran there as lost. The VMs it held are
 * placed again by PlaceVm actions that follow in the same plan.
 */
public record FenceHost(HostId host, Reason reason) implements Action {
    public FenceHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
    }
}
