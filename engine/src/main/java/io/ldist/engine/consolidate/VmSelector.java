package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanningState;

/** Picks which VM leaves an overloaded server. */
public interface VmSelector {

    /** A VM on {@code host} (as planned) that may move, never one already migrating; -1 when none. */
    int select(int host, PlanningState plan);
}
