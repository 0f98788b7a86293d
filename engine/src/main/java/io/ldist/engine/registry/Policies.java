package io.ldist.engine.registry;

import io.ldist.engine.consolidate.ForecastOverloadDetector;
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

import io.ldist.engine.anomaly.AnomalyDetectorFactory;
import io.ldist.engine.anomaly.IsolationForestDetector;
import io.ldist.engine.anomaly.OutsideIntervalDetector;
import io.ldist.engine.anomaly.RobustZDetector;
import io.ldist.engine.forecast.ArForecaster;
import io.ldist.engine.forecast.EwmaForecaster;
import io.ldist.engine.forecast.ForecasterFactory;
import io.ldist.engine.forecast.HoltWintersForecaster;
import io.ldist.engine.forecast.LastValueForecaster;
import io.ldist.engine.forecast.MedianForecaster;
import io.ldist.engine.forecast.MovingAverageForecaster;
import io.ldist.engine.forecast.SelectorForecaster;

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

    // Ranges are those the constructors accept: every declared value builds, every refused one would throw.

    private static final PolicyParameter HOLT_ALPHA = PolicyParameter.number("alpha", ParameterRange.POSITIVE_SHARE,
            0.5, "", "how fast the level follows");
    private static final PolicyParameter HOLT_BETA = PolicyParameter.number("beta", ParameterRange.POSITIVE_SHARE,
            0.1, "", "how fast the trend follows");
    private static final PolicyParameter HOLT_PHI = PolicyParameter.number("phi", ParameterRange.POSITIVE_SHARE,
            0.95, "", "trend damping per sample (1: none)");

    private static final List<PolicyParameter> AR_PARAMETERS = List.of(
            PolicyParameter.integer("maxOrder", ParameterRange.atLeast(1), 6, "lags", "the highest order tried"),
            PolicyParameter.integer("window", ParameterRange.atLeast(ArForecaster.minimumSamples(1)), 96, "samples",
                    "samples the model is fitted on (96 at 5 min: eight hours); orders above (window - 2) / 3 are "
                            + "not tried"),
            PolicyParameter.integer("refit", ParameterRange.atLeast(1), 12, "samples",
                    "samples between fits (12 at 5 min: an hour)"),
            PolicyParameter.flag("bic", false, "choose the order by BIC (false: by AIC)"));

    private static List<PolicyParameter> concat(List<PolicyParameter> first, PolicyParameter then) {
        List<PolicyParameter> all = new java.util.ArrayList<>(first);
        all.add(then);
        return List.copyOf(all);
    }

    /** Forecasters by name, each built for the series and horizons of its use (forecast-eval, predictive scaling). */
    public static final PolicyFamily<ForecasterFactory> FORECASTERS = forecasters();

    private static PolicyFamily<ForecasterFactory> forecasters() {
        PolicyFamily<ForecasterFactory> family = new PolicyFamily<ForecasterFactory>("forecast")
            .register("last-value", "persistence: the next value is the latest", (p, c) -> LastValueForecaster::new)
            .register("moving-average", "the mean of the last window samples",
                    List.of(PolicyParameter.integer("window", ParameterRange.atLeast(1), 12, "samples",
                            "samples averaged (12 at 5 min: an hour)")),
                    (p, c) -> s -> new MovingAverageForecaster(s, (int) p.integer("window")))
            .register("ewma", "exponentially weighted moving average",
                    List.of(PolicyParameter.number("alpha", ParameterRange.POSITIVE_SHARE, 0.3, "",
                            "weight of the newest sample")),
                    (p, c) -> s -> new EwmaForecaster(s, p.number("alpha")))
            .register("median", "a weighted quantile (the median by default, which minimises the absolute error) of "
                    + "the last window samples, newer ones weighing more",
                    List.of(PolicyParameter.integer("window", ParameterRange.atLeast(1), 48, "samples",
                                    "samples the quantile is taken over (48 at 5 min: four hours)"),
                            PolicyParameter.number("quantile", ParameterRange.POSITIVE_SHARE, 0.5, "",
                                    "which quantile (0.5: the median)"),
                            PolicyParameter.number("decay", ParameterRange.POSITIVE_SHARE, 0.95, "",
                                    "weight of a sample relative to the one after it")),
                    (p, c) -> s -> new MedianForecaster(s, (int) p.integer("window"), p.number("quantile"),
                            p.number("decay")))
            .register("holt", "Holt's level and damped trend",
                    List.of(HOLT_ALPHA, HOLT_BETA, HOLT_PHI),
                    (p, c) -> s -> new HoltWintersForecaster(s, p.number("alpha"), p.number("beta"), 0.05,
                            p.number("phi"), false))
            .register("holt-winters", "Holt's level and damped trend, with an additive daily season once a day of "
                    + "samples is known", List.of(HOLT_ALPHA, HOLT_BETA, HOLT_PHI,
                            PolicyParameter.number("gamma", ParameterRange.POSITIVE_SHARE, 0.05, "",
                                    "how fast the season follows")),
                    (p, c) -> s -> new HoltWintersForecaster(s, p.number("alpha"), p.number("beta"),
                            p.number("gamma"), p.number("phi"), true))
            .register("ar", "autoregressive AR(p) fitted by least squares on the last window samples, the order "
                    + "1..maxOrder with the least AIC (or BIC), refitted every refit samples", AR_PARAMETERS,
                    (p, c) -> s -> new ArForecaster(s, (int) p.integer("maxOrder"), (int) p.integer("window"),
                            (int) p.integer("refit"), p.flag("bic")))
            .register("ar-lad", "ar, the chosen order then refitted by least absolute deviations (the conditional "
                    + "median, which a spike moves less than least squares)",
                    concat(AR_PARAMETERS, PolicyParameter.integer("rounds", ParameterRange.atLeast(1), 10, "",
                            "rounds of iteratively reweighted least squares, from the least-squares fit")),
                    (p, c) -> s -> new ArForecaster(s, (int) p.integer("maxOrder"), (int) p.integer("window"),
                            (int) p.integer("refit"), p.flag("bic"), (int) p.integer("rounds")));
        // The selector names members of this very family, so it is registered once they are.
        return family.register("selector", "weighs member forecasters per series and horizon by their recent "
                        + "absolute error there (weight 1 / error^power), forecasting the weighted median of theirs",
                List.of(PolicyParameter.policies("members", family, List.of("median", "ar-lad", "moving-average"),
                                "the forecasters weighed, each with its default parameters"),
                        PolicyParameter.number("decay", new ParameterRange(0, true, 1, false), 0.9, "",
                                "weight of the mean error so far against a new error"),
                        PolicyParameter.number("power", new ParameterRange(0, false, Double.POSITIVE_INFINITY,
                                false), 2, "",
                                "how sharply a lower error weighs more (large: pick the best)"),
                        PolicyParameter.flag("median", true, "the weighted median of the members' forecasts "
                                + "(false: the weighted mean)")),
                (p, c) -> {
                    List<ForecasterFactory> members = p.policies("members").stream()
                            .map(name -> family.create(PolicyChoice.of(name), c)).toList();
                    double decay = p.number("decay");
                    double power = p.number("power");
                    boolean median = p.flag("median");
                    return s -> new SelectorForecaster(s, members.stream()
                            .map(m -> m.create(SelectorForecaster.memberSetup(s))).toList(), decay, power, median);
                });
    }

    // The overload detectors come after the forecasters, since the forecast detector names one of them.

    /** ThresholdOverloadDetector: (0, 1]. */
    private static final PolicyParameter THRESHOLD = PolicyParameter.number("threshold",
            ParameterRange.POSITIVE_SHARE, 0.8, PolicyParameter.SHARE, "CPU utilisation above which a server is overloaded");
    /** The static threshold adaptive detectors use while a server's history is too short (the study's 0.7). */
    private static final PolicyParameter FALLBACK = PolicyParameter.number("fallback",
            ParameterRange.POSITIVE_SHARE, 0.7, PolicyParameter.SHARE,
            "the static threshold used while the history is shorter than the detector needs");

    /** HistoryThresholdOverloadDetector: safety >= 0. */
    private static PolicyParameter spreadSafety(double defaultValue) {
        return PolicyParameter.number("safety", ParameterRange.atLeast(0), defaultValue, "",
                "how many spreads below full utilisation the threshold lies; higher is more cautious");
    }

    /** RegressionOverloadDetector: safety > 0. */
    private static final PolicyParameter REGRESSION_SAFETY = PolicyParameter.number("safety",
            ParameterRange.above(0), 1.2, "", "factor on the predicted utilisation; higher is more cautious");

    /**
     * ForecastOverloadDetector: threshold in (0, 1], confidence in (0, 1). The defaults are those tuned on two
     * PlanetLab days (docs/forecasting.md, "Predictive consolidation").
     */
    private static final PolicyParameter FORECAST_THRESHOLD = PolicyParameter.number("threshold",
            ParameterRange.POSITIVE_SHARE, 0.8, PolicyParameter.SHARE,
            "CPU utilisation the forecast's upper bound must not exceed");
    private static final PolicyParameter FORECAST_CONFIDENCE = PolicyParameter.number("confidence",
            new ParameterRange(0, false, 1, false), 0.55, "", "of the prediction interval");

    public static final PolicyFamily<OverloadDetector> OVERLOAD = new PolicyFamily<OverloadDetector>("overload")
            .register("thr", "static threshold on CPU utilisation", List.of(THRESHOLD),
                    (p, c) -> new ThresholdOverloadDetector(p.number("threshold")))
            .register("iqr", "adaptive threshold 1 - safety x interquartile range of the utilisation history",
                    List.of(spreadSafety(1.5), FALLBACK), (p, c) -> new HistoryThresholdOverloadDetector(
                            HistoryThresholdOverloadDetector.Spread.IQR, p.number("safety"), fallback(p)))
            .register("mad", "adaptive threshold 1 - safety x median absolute deviation of the utilisation history",
                    List.of(spreadSafety(2.5), FALLBACK), (p, c) -> new HistoryThresholdOverloadDetector(
                            HistoryThresholdOverloadDetector.Spread.MAD, p.number("safety"), fallback(p)))
            .register("lr", "local regression: a least-squares line over the last 10 samples, extended over the "
                    + "longest migration, times safety, reaches 1",
                    List.of(REGRESSION_SAFETY, FALLBACK, PolicyParameter.flag("tricube", false,
                            "weight the samples as LOESS does (the study); false fits CloudSim's unweighted line")),
                    (p, c) -> new RegressionOverloadDetector(p.flag("tricube") ? RegressionOverloadDetector.Fit.LOESS
                            : RegressionOverloadDetector.Fit.LEAST_SQUARES, p.number("safety"), fallback(p), c))
            .register("lrr", "robust local regression as the study defines it: LOESS with tricube weights and "
                    + "bisquare robustness weights", List.of(REGRESSION_SAFETY, FALLBACK),
                    (p, c) -> new RegressionOverloadDetector(
                            RegressionOverloadDetector.Fit.ROBUST_LOESS, p.number("safety"), fallback(p), c))
            .register("forecast", "the upper bound of the forecaster's prediction interval at confidence, over "
                    + "the longest migration (at least one interval), exceeds the threshold",
                    List.of(FORECAST_THRESHOLD, FORECAST_CONFIDENCE, PolicyParameter.policy("forecaster", FORECASTERS,
                            "median", "the forecaster replayed over the history (with its default parameters)"),
                            FALLBACK),
                    (p, c) -> new ForecastOverloadDetector(p.number("threshold"), p.number("confidence"),
                            FORECASTERS.create(PolicyChoice.of(p.policy("forecaster")), c), fallback(p), c));

    private static PolicyParameter forecaster(String defaultName) {
        return PolicyParameter.policy("forecaster", FORECASTERS, defaultName,
                "the one-step forecaster the residuals come from (with its default parameters)");
    }

    private static ForecasterFactory forecasterOf(PolicyParameters p, PolicyContext c) {
        return FORECASTERS.create(PolicyChoice.of(p.policy("forecaster")), c);
    }

    /** Anomaly detectors by name (ldist anomaly-eval), each built for one series; declared after the forecasters. */
    public static final PolicyFamily<AnomalyDetectorFactory> ANOMALY_DETECTORS =
            new PolicyFamily<AnomalyDetectorFactory>("anomaly")
            .register("robust-z", "robust z-score (median and MAD over a rolling window) of the one-step forecast "
                    + "residual above threshold",
                    List.of(PolicyParameter.number("threshold", ParameterRange.above(0),
                                    RobustZDetector.DEFAULT_THRESHOLD, "", "modified z-score above which a sample is "
                                            + "anomalous"),
                            PolicyParameter.integer("window", ParameterRange.atLeast(3), 48, "samples",
                                    "residuals the median and MAD are taken over (48 at 5 min: four hours)"),
                            PolicyParameter.number("floor", ParameterRange.atLeast(0), 0.01, "",
                                    "smallest MAD, in the series' units (0.01: one CPU point), so that a flat "
                                            + "history does not make every small change anomalous"),
                            forecaster("ewma")),
                    (p, c) -> s -> new RobustZDetector(s, forecasterOf(p, c), p.number("threshold"),
                            (int) p.integer("window"), p.number("floor")))
            .register("outside-interval", "k samples in a row outside the forecaster's one-step prediction interval",
                    List.of(PolicyParameter.integer("k", ParameterRange.atLeast(1),
                                    OutsideIntervalDetector.DEFAULT_RUN, "samples", "run of samples outside the "
                                            + "interval that makes an anomaly"),
                            PolicyParameter.number("confidence", new ParameterRange(0, false, 1, false),
                                    OutsideIntervalDetector.DEFAULT_CONFIDENCE, "", "of the prediction interval"),
                            PolicyParameter.integer("residuals", ParameterRange.atLeast(1), 120, "samples",
                                    "residuals the interval is drawn from; at least c / (1 - c) (99 at 0.99)"),
                            forecaster("ewma")),
                    (p, c) -> s -> new OutsideIntervalDetector(s, forecasterOf(p, c), (int) p.integer("k"),
                            p.number("confidence"), (int) p.integer("residuals")))
            .register("isolation-forest", "isolation forest over sliding windows of the samples, trained on a "
                    + "rolling history, score 2^(-mean path / c(n)) above threshold",
                    List.of(PolicyParameter.number("threshold", new ParameterRange(0, false, 1, false),
                                    IsolationForestDetector.DEFAULT_THRESHOLD, "", "score above which a window is "
                                            + "anomalous"),
                            PolicyParameter.integer("trees", ParameterRange.atLeast(1), 100, "", "trees in the "
                                    + "forest"),
                            PolicyParameter.integer("sampleSize", ParameterRange.atLeast(2), 64, "windows",
                                    "subsample each tree is grown on"),
                            PolicyParameter.integer("window", ParameterRange.atLeast(1), 6, "samples",
                                    "samples per point (6 at 5 min: half an hour)"),
                            PolicyParameter.integer("history", ParameterRange.atLeast(32), 144, "windows",
                                    "windows the forest is trained on (144 at 5 min: twelve hours)"),
                            PolicyParameter.integer("retrain", ParameterRange.atLeast(1), 12, "samples",
                                    "how often the forest is regrown")),
                    (p, c) -> s -> new IsolationForestDetector(s, p.number("threshold"), (int) p.integer("trees"),
                            (int) p.integer("sampleSize"), (int) p.integer("window"), (int) p.integer("history"),
                            (int) p.integer("retrain")));

    private static OverloadDetector fallback(PolicyParameters p) {
        return new ThresholdOverloadDetector(p.number("fallback"));
    }

    public static final PolicyFamily<VmSelector> VM_SELECTION = new PolicyFamily<VmSelector>("select")
            .register("mmt", "minimum migration time: the VM with the least RAM",
                    (p, c) -> new MinimumMigrationTimeVmSelector())
            .register("rs", "random selection, from the scenario's seed", (p, c) -> new RandomVmSelector(c.seed()))
            .register("mc", "maximum correlation: the VM whose history the others' explain best (falls back to mmt)",
                    (p, c) -> new MaximumCorrelationVmSelector(new MinimumMigrationTimeVmSelector()))
            .register("mu", "minimum utilisation: the VM using the least of its CPU",
                    (p, c) -> new MinimumUtilizationVmSelector())
            .byDefault("mmt");

    /** LeastUtilizedUnderloadPolicy: below in (0, 1]. */
    public static final PolicyFamily<UnderloadPolicy> UNDERLOAD = new PolicyFamily<UnderloadPolicy>("underload")
            .register("least-utilized", "empty the least utilised servers first, while all their VMs fit elsewhere",
                    List.of(PolicyParameter.number("below", ParameterRange.POSITIVE_SHARE, 1.0, PolicyParameter.SHARE,
                                    "only servers under this utilisation are emptied"),
                            PolicyParameter.flag("spareTargets", true, "leave alone servers that just received VMs; "
                                    + "false empties them too, as CloudSim 3.0.3 does")),
                    (p, c) -> new LeastUtilizedUnderloadPolicy(p.number("below"), p.flag("spareTargets")));
}
