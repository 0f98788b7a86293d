package io.ldist.scenario.spec;

import io.ldist.engine.update.UpdateRequest;

import java.util.Objects;

/** A rolling update the scenario asks for at {@code atS}; the engine starts it at its next whole decision. */
public record ScheduledUpdate(double atS, UpdateRequest request) {
    public ScheduledUpdate {
        Objects.requireNonNull(request, "request");
        if (!(atS >= 0) || Double.isInfinite(atS)) {
            throw new IllegalArgumentException("an update is asked for at a time >= 0, was " + atS);
        }
    }
}
