package io.ldist.scenario;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.Engine;
import io.ldist.scenario.spec.SimulationSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A scenario read, checked and turned into what a run needs: the simulation spec (fleet, workload, faults,
 * with its data files already read) and the engine's policy choices.
 *
 * @param source    where it came from, for messages and run.json (a path, or "embedded quickstart")
 * @param notices   what reading its data skipped, cut or tolerated (a byte-order mark, a dangling link in the
 *                  trace folder), one sentence each: shown on standard error and kept in run.json
 * @param dataPaths the trace folder or task file the workload was read from (none for a generated workload),
 *                  and the catalogue file of fleet.catalogue, whose hashes the run's provenance records
 */
public record LoadedScenario(String name, String description, String source, SimulationSpec spec,
                             EngineSettings engine, List<String> notices, List<Path> dataPaths) {
    public LoadedScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(engine, "engine");
        notices = List.copyOf(notices);
        dataPaths = List.copyOf(dataPaths);
    }

    public LoadedScenario(String name, String description, String source, SimulationSpec spec,
                          EngineSettings engine) {
        this(name, description, source, spec, engine, List.of(), List.of());
    }

    /** A fresh engine for one run of this scenario: one that takes rolling updates when the scenario asks for some. */
    public Engine newEngine() {
        return engine.newEngine(!spec.updates().isEmpty());
    }

    /** The same scenario with another seed. */
    public LoadedScenario withSeed(long seed) {
        SimulationSpec s = spec;
        return new LoadedScenario(name, description, source, new SimulationSpec(s.name(), seed, s.durationS(),
                s.decisionIntervalS(), s.hosts(), s.workload(), s.migration(), s.healthCheckIntervalS(), s.faults(),
                s.costs(), s.updates()),
                engine.withSeed(seed), notices, dataPaths);
    }
}
