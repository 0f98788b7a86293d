package io.ldist.scenario;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.ScheduledUpdate;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario file into a {@link LoadedScenario}, refusing any mistake before work starts: YAML syntax,
 * then the JSON Schema (unknown fields, types, ranges) and ldist's own checks (units, names that must match,
 * policy names and parameters, data files). The problems of the schema and of ldist's checks are reported
 * together (those of ldist's checks only where the schema found nothing in the same field), each with its
 * file, line, field path, what was expected and what was found.
 */
public final class ScenarioLoader {
    public static final String SCHEMA = "io/ldist/scenario/scenario.schema.json";
    public static final String EMBEDDED_QUICKSTART = "io/ldist/scenario/quickstart.yaml";

    private static final SchemaValidation VALIDATION = SchemaValidation.fromClasspath(SCHEMA);

    private ScenarioLoader() {
    }

    public static LoadedScenario load(Path file, List<String> overrides) {
        return load(file, overrides, TraceCache.NONE);
    }

    /** Loads a scenario, reading its trace through {@code traces} (a comparison reads each day once). */
    public static LoadedScenario load(Path file, List<String> overrides, TraceCache traces) {
        return load(ScenarioDocument.parse(file), overrides, file.toString(), traces);
    }

    /** The quickstart scenario shipped inside ldist, for a first run without any file. */
    public static LoadedScenario loadEmbeddedQuickstart(List<String> overrides) {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(EMBEDDED_QUICKSTART)) {
            if (in == null) {
                throw new IllegalStateException("the embedded quickstart scenario is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return load(ScenarioDocument.parse(text, "quickstart.yaml (embedded)"), overrides,
                    "embedded quickstart", TraceCache.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadedScenario load(ScenarioDocument parsed, List<String> overrides, String source, TraceCache traces) {
        return CheckedReading.read(VALIDATION, Overrides.apply(parsed, overrides),
                (in, schemaProblems) -> read(in, schemaProblems, traces, source));
    }

    /**
     * One pass over a document, recording every problem ldist's own checks find in {@code in}; null when it
     * found any. It reads documents that failed schema validation too, so that all mistakes are reported at
     * once; {@code schemaProblems} says which parts the schema already refused. The sections are read in this
     * order, which is the order their problems are reported in.
     */
    private static LoadedScenario read(FieldReader in, List<ScenarioProblem> schemaProblems, TraceCache traces,
                                       String source) {
        String name = in.text("/name", "scenario");
        if (name.chars().anyMatch(Character::isISOControl)) {
            // A name is the default output folder and a label in every report: a NUL cannot be a folder's.
            in.problem("/name", "a name without control characters (it names the output folder)",
                    Phrases.describe(in.node("/name")));
        }
        long seed = in.longInteger("/seed", 1);
        double duration = in.positiveDuration("/duration", 86_400);
        double interval = in.positiveDuration("/decisionInterval", 300);
        double health = in.positiveDuration("/health/interval", 10);
        int scale = Math.max(1, in.integer("/scale", 1));
        boolean taskWorkload = "tasks".equals(in.text("/workload/kind", ""));
        ReadingContext context = new ReadingContext(in, schemaProblems, duration, scale, taskWorkload);
        CrossFieldChecks checks = new CrossFieldChecks(context);
        FleetSection fleet = new FleetSection(context);
        fleet.readHostTypes();
        fleet.readVmTypes();
        UnreadFields.check(in);
        int maxVms = fleet.maxVmsPerHost();
        if (context.soundlyRead("duration", "decisionInterval", "health")) {
            SizeLimits.checkRounds(in, duration, interval, health);
        }
        List<HostGroup> hosts = fleet.readHosts();
        int initialHosts = SizeLimits.servers(hosts);
        Workload workload = taskWorkload ? new TaskWorkloadReader(context, checks).read()
                : new TraceWorkloadReader(context, traces).read();
        FaultsSection faultsSection = new FaultsSection(context);
        MigrationModel migration = faultsSection.readMigration();
        Faults faults = faultsSection.readFaults(initialHosts);
        List<ScheduledUpdate> updates = new UpdatesSection(context).read(initialHosts);
        CostModel costs = new CostsSection(context).read();
        EngineSettings engine = new PoliciesSection(context, checks).read(maxVms, hosts,
                new PolicyContext(interval, migration.bandwidthShare(), seed, costs));
        AffinityRules affinity = new AffinitySection(context).read(workload, maxVms);
        if (!in.problems().isEmpty() || affinity == null) {
            return null;
        }
        if (!affinity.isEmpty()) {
            engine = engine.withRules(engine.rules().withAffinity(affinity));
        }
        SimulationSpec spec = new SimulationSpec(name, seed, duration, interval, hosts, workload, migration,
                health, faults, costs, updates);
        return new LoadedScenario(name, in.text("/description", ""), source, spec, engine, context.notices,
                context.dataPaths);
    }
}
