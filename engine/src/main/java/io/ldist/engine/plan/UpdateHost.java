package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Update a server in service: it is drained as by {@link DrainHost} (no new work; its VMs leave by migrations in
 * the same plan, or its tasks by finishing), then it is out of service, {@code UPDATING}, while its update is
 * applied, and then it returns to service, active and empty. The disruption budget counts it as a drain.
 *
 * @param downtimeS how long the update keeps the drained server out of service (the simulator's downtime; a live
 *                  driver takes as long as the operator's update takes)
 */
public record UpdateHost(HostId host, double downtimeS, Reason reason) implements Action {
    public UpdateHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(reason, "reason");
        if (!(downtimeS > 0) || Double.isInfinite(downtimeS)) {
            throw new IllegalArgumentException(host + ": an update's downtime must be > 0 s and finite, was "
                    + downtimeS);
        }
    }
}
