package io.ldist.cli;

import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenario a command works on, and the field overrides given with --set. */
public final class ScenarioOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file (YAML). Without one, the quickstart scenario built into ldist.")
    Path scenario;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override a scenario field, e.g. --set workload.path=/data/day or "
                    + "--set policies.overload.threshold=0.7 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "K",
            description = "Replicate the scenario K times (same as --set scale=K): servers and VMs; "
                    + "for task streams also the arrivals and scaling's minHosts, maxHosts, step and standby pool.")
    Integer scale;

    public LoadedScenario load() {
        OptionRange.SCALE.check(scale);
        List<String> all = withScale(overrides, scale);
        return scenario == null ? ScenarioLoader.loadEmbeddedQuickstart(all) : ScenarioLoader.load(scenario, all);
    }

    /** The scenario file given, or none for the embedded quickstart. */
    List<Path> files() {
        return scenario == null ? List.of() : List.of(scenario);
    }

    /** The overrides, with {@code scale=K} last when --scale is given (so it wins over a --set of scale). */
    public static List<String> withScale(List<String> overrides, Integer scale) {
        List<String> all = new ArrayList<>(overrides);
        if (scale != null) {
            all.add("scale=" + scale);
        }
        return all;
    }
}
