package io.ldist.cli.scenario;

import io.ldist.engine.EngineSettings;
import io.ldist.sim.spec.SimulationSpec;

import java.util.Objects;

/**
 * A scenario read, checked and turned into what a run needs: the simulation spec (fleet, workload, faults,
 * with its data files already read) and the engine's policy choices.
 *
 * @param source where it came from, for messages and run.json (a path, or "embedded quickstart")
 */
public record LoadedScenario(String name, String description, String source, SimulationSpec spec,
                             EngineSettings engine) {
    public LoadedScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(engine, "engine");
    }

    /** The same scenario with another seed. */
    public LoadedScenario withSeed(long seed) {
        SimulationSpec s = spec;
        return new LoadedScenario(name, description, source, new SimulationSpec(s.name(), seed, s.durationS(),
                s.decisionIntervalS(), s.hosts(), s.workload(), s.migration(), s.healthCheckIntervalS(), s.faults()),
                engine.withSeed(seed));
    }
}
