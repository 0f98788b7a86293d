package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/** Which servers are worth emptying (to switch them off), and in which order to try them. */
public interface UnderloadPolicy {

    /** Whether {@code host} qualifies as underloaded at its measured utilisation. */
    boolean qualifies(int host, PlanView plan);

    /**
     * Whether servers that just received VMs from overloaded servers are spared in the same round. The study
     * intends it; CloudSim 3.0.3 (through a bug) empties them too, which consolidates harder.
     */
    default boolean sparesFreshTargets() {
        return true;
    }
}
