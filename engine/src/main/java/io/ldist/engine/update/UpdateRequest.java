package io.ldist.engine.update;

import java.util.Objects;

/**
 * An operator's request to update servers in service without an outage: which servers, how many at once, how
 * long to wait between batches, how long each server is down for its update, and when to stop early.
 *
 * @param pauseS    wait between one batch being back in service and the next one starting
 * @param downtimeS how long a drained server is out of service for its update
 */
public record UpdateRequest(HostSelector hosts, BatchRule batch, double pauseS, double downtimeS,
                            AbortRule abortIf) {
    public UpdateRequest {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(abortIf, "abortIf");
        if (!(pauseS >= 0) || Double.isInfinite(pauseS)) {
            throw new IllegalArgumentException("an update's pause must be >= 0 s and finite, was " + pauseS);
        }
        if (!(downtimeS > 0) || Double.isInfinite(downtimeS)) {
            throw new IllegalArgumentException("an update's downtime must be > 0 s and finite, was " + downtimeS);
        }
    }

    public String describe() {
        return hosts.describe() + ", " + batch.describe();
    }
}
