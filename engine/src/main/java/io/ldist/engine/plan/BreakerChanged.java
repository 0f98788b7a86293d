package io.ldist.engine.plan;

import io.ldist.engine.model.BreakerState;
import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * A note in a plan, not an action: the circuit breaker of a server changed state while the engine decided
 * (breakers live in the engine and change by what it observes), so that drivers can log and expose it.
 */
public record BreakerChanged(HostId host, BreakerState from, BreakerState to) {
    public BreakerChanged {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
