package io.ldist.cli;

import io.ldist.cli.scenario.LoadedScenario;
import io.ldist.cli.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenario a command works on, and the field overrides given with --set. */
final class ScenarioOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file (YAML). Without one, the quickstart scenario built into ldist.")
    Path scenario;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override a scenario field, e.g. --set workload.path=/data/day or "
                    + "--set policies.overload.threshold=0.7 (repeatable).")
    List<String> overrides = new ArrayList<>();

    LoadedScenario load() {
        return scenario == null ? ScenarioLoader.loadEmbeddedQuickstart(overrides)
                : ScenarioLoader.load(scenario, overrides);
    }
}
