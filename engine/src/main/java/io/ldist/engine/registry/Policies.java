package io.ldist.engine.registry;

import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.consolidate.UnderloadPolicy;
import io.ldist.engine.consolidate.VmSelector;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.Scorer;

/**
 * Every policy ldist knows, by family, one line each. Placement policies need the scenario's scorer, so
 * their family is built per scenario by {@link PlacementPolicies}.
 */
public final class Policies {
    private Policies() {
    }

    /** Scorers other than the weighted one, which needs the scenario's weights. */
    public static final PolicyFamily<Scorer> SCORERS = new PolicyFamily<Scorer>("score")
            .register("dominant-resource", "load = the most used resource (CPU, memory, GPU or task slots)",
                    p -> new DominantResourceScorer());

    public static final PolicyFamily<OverloadDetector> OVERLOAD = new PolicyFamily<OverloadDetector>("overload")
            .register("thr", "static threshold on CPU utilisation (parameter threshold, default 0.8)",
                    p -> new ThresholdOverloadDetector(p.number("threshold", 0.8)));

    public static final PolicyFamily<VmSelector> VM_SELECTION = new PolicyFamily<VmSelector>("select")
            .register("mmt", "minimum migration time: the VM with the least RAM",
                    p -> new MinimumMigrationTimeVmSelector());

    public static final PolicyFamily<UnderloadPolicy> UNDERLOAD = new PolicyFamily<UnderloadPolicy>("underload")
            .register("least-utilized", "empty the least utilised servers first, while all their VMs fit "
                    + "elsewhere (parameter below: only servers under this utilisation, default 1)",
                    p -> new LeastUtilizedUnderloadPolicy(p.number("below", 1.0)));
}
