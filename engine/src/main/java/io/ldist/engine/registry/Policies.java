package io.ldist.engine.registry;

import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MinimumMigrationTimeVmSelector;
import io.ldist.engine.consolidate.OverloadDetector;
import io.ldist.engine.consolidate.ThresholdOverloadDetector;
import io.ldist.engine.consolidate.UnderloadPolicy;
import io.ldist.engine.consolidate.VmSelector;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.Scorer;

import java.util.List;

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
                    List.of("threshold"), p -> new ThresholdOverloadDetector(p.number("threshold", 0.8)));

    public static final PolicyFamily<VmSelector> VM_SELECTION = new PolicyFamily<VmSelector>("select")
            .register("mmt", "minimum migration time: the VM with the least RAM",
                    p -> new MinimumMigrationTimeVmSelector());

    public static final PolicyFamily<UnderloadPolicy> UNDERLOAD = new PolicyFamily<UnderloadPolicy>("underload")
            .register("least-utilized", "empty the least utilised servers first, while all their VMs fit "
                    + "elsewhere (parameters: below, only servers under this utilisation, default 1; spareTargets, "
                    + "false to also empty servers that just received VMs, as CloudSim 3.0.3 does, default true)",
                    List.of("below", "spareTargets"), p -> new LeastUtilizedUnderloadPolicy(p.number("below", 1.0),
                            p.flag("spareTargets", true)));
}
