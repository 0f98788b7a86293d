package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanningState;

/** Which servers are worth emptying (to switch them off), and in which order to try them. */
public interface UnderloadPolicy {

    /** Whether {@code host} qualifies as underloaded at its measured utilisation. */
    boolean qualifies(int host, PlanningState plan);
}
