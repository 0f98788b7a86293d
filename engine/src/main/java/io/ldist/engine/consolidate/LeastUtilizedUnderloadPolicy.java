package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/**
 * Every switched-on server qualifies, least utilised first (the study's rule: keep trying to empty the least
 * utilised server until none can be emptied), up to an optional utilisation ceiling.
 */
public final class LeastUtilizedUnderloadPolicy implements UnderloadPolicy {
    private final double ceiling;
    private final boolean spareFreshTargets;

    /**
     * @param ceiling           servers at or above this measured utilisation are never emptied (1 for no ceiling)
     * @param spareFreshTargets see {@link UnderloadPolicy#sparesFreshTargets()}
     */
    public LeastUtilizedUnderloadPolicy(double ceiling, boolean spareFreshTargets) {
        if (!(ceiling > 0 && ceiling <= 1)) {
            throw new IllegalArgumentException("underload ceiling must be in (0, 1], was " + ceiling);
        }
        this.ceiling = ceiling;
        this.spareFreshTargets = spareFreshTargets;
    }

    @Override
    public boolean sparesFreshTargets() {
        return spareFreshTargets;
    }

    @Override
    public boolean qualifies(int host, PlanView plan) {
        double u = plan.measuredUtilization(host);
        return u > 0 && u < ceiling;
    }
}
