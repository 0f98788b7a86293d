package io.ldist.live.execute;

import io.ldist.engine.plan.Action;

/**
 * What became of one action: applied, skipped (already true, or no longer possible: the reason says which) or
 * failed (the call raised; the message says what).
 */
public record ActionOutcome(Action action, Result result, String detail) {
    public enum Result { APPLIED, SKIPPED, FAILED }

    public String outcomeName() {
        return result.name().toLowerCase(java.util.Locale.ROOT);
    }
}
