package io.ldist.engine.registry;

import io.ldist.engine.consolidate.HistoryThresholdOverloadDetector;
import io.ldist.engine.consolidate.LeastUtilizedUnderloadPolicy;
import io.ldist.engine.consolidate.MaximumCorrelationVmSelector;
import io.ldist.engine.consolidate.MinimumUtilizationVmSelector;
import io.ldist.engine.consolidate.RandomVmSelector;
import io.ldist.engine.consolidate.RegressionOverloadDetector;
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
                    (p, c) -> new DominantResourceScorer());

    public static final PolicyFamily<OverloadDetector> OVERLOAD = new PolicyFamily<OverloadDetector>("overload")
            .register("thr", "static threshold on CPU utilisation (parameter threshold, default 0.8)",
                    List.of("threshold"), (p, c) -> new ThresholdOverloadDetector(p.number("threshold", 0.8)))
            .register("iqr", "adaptive threshold 1 - safety x interquartile range of the utilisation history "
                    + "(parameters safety, default 1.5; fallback threshold with under 12 samples, default 0.7)",
                    List.of("safety", "fallback"), (p, c) -> new HistoryThresholdOverloadDetector(
                            HistoryThresholdOverloadDetector.Spread.IQR, p.number("safety", 1.5), fallback(p)))
            .register("mad", "adaptive threshold 1 - safety x median absolute deviation of the utilisation history "
                    + "(parameters safety, default 2.5; fallback, default 0.7)",
                    List.of("safety", "fallback"), (p, c) -> new HistoryThresholdOverloadDetector(
                            HistoryThresholdOverloadDetector.Spread.MAD, p.number("safety", 2.5), fallback(p)))
            .register("lr", "local regression: a least-squares line over the last 10 samples, extended over the "
                    + "longest migration, times safety, reaches 1 (parameters safety, default 1.2; fallback, "
                    + "default 0.7; tricube: weight the samples as LOESS does, default false, as CloudSim computes)",
                    List.of("safety", "fallback", "tricube"), (p, c) -> new RegressionOverloadDetector(
                            p.flag("tricube", false) ? RegressionOverloadDetector.Fit.LOESS
                                    : RegressionOverloadDetector.Fit.LEAST_SQUARES,
                            p.number("safety", 1.2), fallback(p), c))
            .register("lrr", "robust local regression as the study defines it: LOESS with tricube weights and "
                    + "bisquare robustness weights (parameters safety, default 1.2; fallback, default 0.7)",
                    List.of("safety", "fallback"), (p, c) -> new RegressionOverloadDetector(
                            RegressionOverloadDetector.Fit.ROBUST_LOESS, p.number("safety", 1.2), fallback(p), c));

    /** The static threshold adaptive detectors use while a server's history is too short (the study's 0.7). */
    private static OverloadDetector fallback(PolicyParameters p) {
        return new ThresholdOverloadDetector(p.number("fallback", 0.7));
    }

    public static final PolicyFamily<VmSelector> VM_SELECTION = new PolicyFamily<VmSelector>("select")
            .register("mmt", "minimum migration time: the VM with the least RAM",
                    (p, c) -> new MinimumMigrationTimeVmSelector())
            .register("rs", "random selection, from the scenario's seed", (p, c) -> new RandomVmSelector(c.seed()))
            .register("mc", "maximum correlation: the VM whose history the others' explain best (falls back to mmt)",
                    (p, c) -> new MaximumCorrelationVmSelector(new MinimumMigrationTimeVmSelector()))
            .register("mu", "minimum utilisation: the VM using the least of its CPU",
                    (p, c) -> new MinimumUtilizationVmSelector());

    public static final PolicyFamily<UnderloadPolicy> UNDERLOAD = new PolicyFamily<UnderloadPolicy>("underload")
            .register("least-utilized", "empty the least utilised servers first, while all their VMs fit "
                    + "elsewhere (parameters: below, only servers under this utilisation, default 1; spareTargets, "
                    + "false to also empty servers that just received VMs, as CloudSim 3.0.3 does, default true)",
                    List.of("below", "spareTargets"), (p, c) -> new LeastUtilizedUnderloadPolicy(p.number("below", 1.0),
                            p.flag("spareTargets", true)));
}
