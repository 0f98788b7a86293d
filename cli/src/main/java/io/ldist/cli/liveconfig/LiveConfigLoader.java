package io.ldist.cli.liveconfig;

import io.ldist.scenario.CheckedReading;
import io.ldist.scenario.CrossFieldChecks;
import io.ldist.scenario.FieldReader;
import io.ldist.scenario.FleetSection;
import io.ldist.scenario.Overrides;
import io.ldist.scenario.Phrases;
import io.ldist.scenario.PoliciesSection;
import io.ldist.scenario.ReadingContext;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioException;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.scenario.ScenarioProblem;
import io.ldist.scenario.SchemaValidation;
import io.ldist.scenario.UnreadFields;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.live.LiveConfig;
import io.ldist.live.cloud.LaunchSpec;
import io.ldist.live.execute.SafetyCaps;
import io.ldist.scenario.spec.HostGroup;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a live config into a {@link LiveConfig}, refusing any mistake before anything is observed or launched. A
 * live config has the {@code fleet} (without {@code hosts}: the servers are the cluster's EC2 instances) and
 * {@code policies} of a scenario, checked by the same schema definitions and the same readers (so the same units,
 * policy names, parameters and did-you-mean hints), and a {@code live} section: cluster, region, endpoint,
 * hypervisor, launch, caps, loop, API and state folder (live.schema.json). As for scenarios, every problem is
 * reported at once, each with file, line, column, field, what was expected and what was found.
 *
 * <p>This class lives beside {@link ScenarioLoader} because it reuses that loader's package-private readers.
 */
public final class LiveConfigLoader {
    public static final String SCHEMA = "io/ldist/scenario/live.schema.json";

    private static final SchemaValidation VALIDATION = SchemaValidation.fromClasspath(SCHEMA);
    /** The scenario default; live has no migration section, and this only estimates how long a move takes. */
    private static final double MIGRATION_BANDWIDTH_SHARE = 0.5;

    private LiveConfigLoader() {
    }

    /**
     * Reads and checks the live config in {@code file}.
     *
     * @throws ScenarioException listing every problem found, in reading order
     */
    public static LiveConfig load(Path file) {
        return load(file, List.of());
    }

    /** As {@link #load(Path)}, with {@code --set field=value} overrides applied first. */
    public static LiveConfig load(Path file, List<String> overrides) {
        return load(ScenarioDocument.parse(file), overrides);
    }

    /**
     * Whether {@code file} reads as a live config (a mapping with a top-level {@code live} key); false for a
     * scenario, and for a file that does not parse, which the scenario loader then refuses with its reasons.
     */
    public static boolean isLiveConfig(Path file) {
        try {
            return ScenarioDocument.parse(file).root().has("live");
        } catch (ScenarioException e) {
            return false;
        }
    }

    static LiveConfig load(ScenarioDocument parsed, List<String> overrides) {
        return CheckedReading.read(VALIDATION, Overrides.apply(parsed, overrides), LiveConfigLoader::read);
    }

    /** One pass over the document, recording every problem in {@code in}; null when it found any. */
    private static LiveConfig read(FieldReader in, List<ScenarioProblem> schemaProblems) {
        LiveSection live = new LiveSection(in);
        String cluster = live.cluster();
        String name = in.text("/name", cluster == null ? "" : cluster);
        if (name.chars().anyMatch(Character::isISOControl)) {
            in.problem("/name", "a name without control characters", Phrases.describe(in.node("/name")));
        }
        long seed = in.longInteger("/seed", 1);
        double interval = live.interval();
        // A live fleet serves tasks (the API's), for as long as it runs.
        ReadingContext context = new ReadingContext(in, schemaProblems, Double.POSITIVE_INFINITY, 1, true);
        FleetSection fleet = new FleetSection(context);
        fleet.readHostTypes();
        fleet.readVmTypes();
        UnreadFields.check(in);
        LiveFleetChecks checks = new LiveFleetChecks(context);
        HostType hostType = checks.launchType();
        context.setLaunchType(hostType);
        checks.scalingLaunches(hostType);
        checks.hyperVOnly();
        // The template must fit the type launched; no server exists before the first observation.
        List<HostGroup> launched = hostType == null ? List.of() : List.of(new HostGroup(hostType, 0, HostState.ACTIVE));
        EngineSettings engine = new PoliciesSection(context, new CrossFieldChecks(context)).read(
                fleet.maxVmsPerHost(), launched, new PolicyContext(interval, MIGRATION_BANDWIDTH_SHARE, seed));
        // Recorded after the policies, whose template check skips a fleet with problems of its own.
        checks.noHosts(cluster);
        checks.templateGiven();
        checks.priced(hostType);
        LaunchSpec launch = new LaunchSection(in).read();
        SafetyCaps caps = live.caps();
        checks.capsHoldScaling(caps, hostType);
        engine = checks.disruptionWithinCaps(engine, caps);
        String region = live.region();
        URI endpoint = live.endpoint();
        String hypervisor = live.hypervisor();
        double staleAfter = live.metricsStaleAfter();
        LiveConfig.ApiBinding api = new ApiSection(in).read();
        Path stateDir = live.stateDir(cluster);
        if (!in.problems().isEmpty()) {
            return null;
        }
        return new LiveConfig(name, cluster, region, endpoint, launch, hostType, engine, caps, interval, staleAfter,
                hypervisor, stateDir, api);
    }
}
