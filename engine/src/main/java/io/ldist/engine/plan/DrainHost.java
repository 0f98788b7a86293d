package io.ldist.engine.plan;

import io.ldist.engine.model.HostId;

import java.util.Objects;

/**
 * Stop giving a server new work and let what runs on it leave (by migrations in the same plan, or by
 * finishing); once it is empty it is stopped into the standby pool, or terminated.
 */
public record DrainHost(HostId host, AfterDrain then, Reason reason) implements Action {
    public enum AfterDrain { STOP, TERMINATE }

    public DrainHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(then, "then");
        Objects.requireNonNull(reason, "reason");
    }
}
