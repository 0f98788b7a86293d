package io.ldist.scenario.spec;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;

import java.util.Objects;

/** Servers of one type present at the start of a run, all active or all in the standby pool. */
public record HostGroup(HostType type, int count, HostState initialState) {
    public HostGroup {
        Objects.requireNonNull(type, "type");
        if (count < 0) {
            throw new IllegalArgumentException("host count must be >= 0, was " + count);
        }
        if (initialState != HostState.ACTIVE && initialState != HostState.STANDBY) {
            throw new IllegalArgumentException("servers start active or in standby, not " + initialState);
        }
    }
}
