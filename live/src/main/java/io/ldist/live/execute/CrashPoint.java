package io.ldist.live.execute;

import io.ldist.engine.plan.Action;

/**
 * Where a crash may strike while an action is applied; tests pass a hook that throws at one of them to show that a
 * restart neither repeats nor loses the action.
 */
public interface CrashPoint {
    /** The points, in the order an action passes them. */
    enum Stage { BEFORE_INTENT, AFTER_INTENT, AFTER_CALL, AFTER_DONE }

    CrashPoint NEVER = (stage, action) -> { };

    void reached(Stage stage, Action action);
}
