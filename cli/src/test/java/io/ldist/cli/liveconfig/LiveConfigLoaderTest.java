package io.ldist.cli.liveconfig;

import io.ldist.scenario.InstanceCatalogue;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioException;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.scenario.TraceCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ldist.engine.scale.ScalingSettings;
import io.ldist.live.LiveConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ready live configs load into what they say; defaults and the shared schema hold. */
class LiveConfigLoaderTest {
    /** scenarios/live (Maven runs tests in the cli module's folder; IDEs may use the root). */
    private static final Path LIVE = Stream.of(Path.of("..", "scenarios", "live"), Path.of("scenarios", "live"))
            .map(path -> path.toAbsolutePath().normalize())
            .filter(Files::isDirectory)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("scenarios/live not found from "
                    + Path.of("").toAbsolutePath()));

    private static final String MINIMAL = """
            fleet:
              hostTypes:
                - {name: box, cores: 8, mipsPerCore: 2000, ram: 32GiB, pricePerHour: 1, power: [100, 200]}
              vmTypes:
                - {name: worker, cores: 4, mipsPerCore: 2000, ram: 8GiB}
              template: {vmType: worker, perHost: 2}
            live:
              cluster: tiny
              region: eu-west-1
              launch: {instanceType: box, launchTemplate: lt-0123456789abcdef0}
              caps: {maxInstances: 3, maxCostPerHour: 5}
            """;

    @TempDir
    Path tmp;

    @Test
    void aCatalogueType_isLaunchedWithoutBeingDeclared() throws IOException {
        Path file = Files.writeString(tmp.resolve("live.yaml"), MINIMAL
                .replace("  hostTypes:\n    - {name: box, cores: 8, mipsPerCore: 2000, ram: 32GiB, pricePerHour: 1, "
                        + "power: [100, 200]}\n", "")
                .replace("instanceType: box", "instanceType: m5.metal")
                .replace("maxCostPerHour: 5", "maxCostPerHour: 20"));

        LiveConfig config = LiveConfigLoader.load(file);

        assertThat(config.hostType()).isEqualTo(InstanceCatalogue.shipped().type("m5.metal").orElseThrow());
        assertThat(config.launch().instanceType()).isEqualTo("m5.metal");
    }

    @Test
    void aTypeFromTheCatalogue_takesItsOverride() throws IOException {
        Path file = Files.writeString(tmp.resolve("live.yaml"), MINIMAL
                .replace("{name: box, cores: 8, mipsPerCore: 2000, ram: 32GiB, pricePerHour: 1, power: [100, 200]}",
                        "{from: c6i.metal, pricePerHour: 4.2}")
                .replace("instanceType: box", "instanceType: c6i.metal")
                .replace("maxCostPerHour: 5", "maxCostPerHour: 20"));

        LiveConfig config = LiveConfigLoader.load(file);

        assertThat(config.hostType().priceUsdPerHour()).isEqualTo(4.2);
        assertThat(config.hostType().cores()).isEqualTo(128); // its vCPUs
    }

    @Test
    void motoDemo_loadsAsWritten() {
        Path file = LIVE.resolve("moto-demo.yaml");

        LiveConfig config = LiveConfigLoader.load(file);

        assertThat(config.name()).isEqualTo("moto-demo");
        assertThat(config.cluster()).isEqualTo("ldist-demo");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(config.hypervisor()).isEqualTo("simulated");
        assertThat(config.launch().imageId()).isEqualTo("ami-b7e93bce");
        assertThat(config.launch().instanceType()).isEqualTo("m5.metal");
        assertThat(config.launch().launchTemplate()).isNull();
        assertThat(config.hostType().name()).isEqualTo("m5.metal");
        assertThat(config.hostType().priceUsdPerHour()).isEqualTo(4.608);
        ScalingSettings scaling = config.engine().scaling();
        assertThat(List.of(scaling.minHosts(), scaling.maxHosts(), scaling.standbyPool())).containsExactly(2, 6, 1);
        assertThat(scaling.launchType()).isSameAs(config.hostType());
        assertThat(config.engine().template().type().name()).isEqualTo("worker");
        assertThat(config.engine().template().perHost()).isEqualTo(3);
        assertThat(config.engine().placement()).isEqualTo("least-loaded");
        assertThat(config.caps().maxInstances()).isEqualTo(8);
        assertThat(config.caps().disruptionBudget()).isEqualTo(0.34);
        assertThat(config.intervalS()).isEqualTo(60);
        assertThat(config.metricsStaleAfterS()).isEqualTo(180);
        assertThat(config.api()).isEqualTo(new LiveConfig.ApiBinding("127.0.0.1", 8080, null, 16 * 1024, 10_000,
                3600));
        assertThat(config.stateDir()).isEqualTo(file.getParent().resolve(".ldist-state").resolve("ldist-demo"));
    }

    @Test
    void awsExample_loadsAsWritten() {
        LiveConfig config = LiveConfigLoader.load(LIVE.resolve("aws-example.yaml"));

        assertThat(config.cluster()).isEqualTo("hyperv-prod");
        assertThat(config.endpoint()).isNull();
        assertThat(config.hypervisor()).isEqualTo("ssm");
        assertThat(config.launch().launchTemplate()).isEqualTo("ldist-hyperv-host");
        assertThat(config.launch().subnetId()).isEqualTo("subnet-0123456789abcdef0");
        assertThat(config.launch().securityGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(config.launch().instanceProfile()).isEqualTo("ldist-hyperv-host");
        assertThat(config.engine().scaling().maxHosts()).isEqualTo(10);
        assertThat(config.caps().maxCostPerHour()).isEqualTo(60);
        assertThat(config.intervalS()).isEqualTo(120);
        assertThat(config.api().maxQueuedTasks()).isEqualTo(50_000);
        assertThat(config.api().defaultLeaseS()).isEqualTo(7200);
    }

    @Test
    void minimalConfig_takesTheDefaults() throws IOException {
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), MINIMAL);

        LiveConfig config = LiveConfigLoader.load(file);

        assertThat(config.name()).isEqualTo("tiny");
        assertThat(config.hypervisor()).isEqualTo("ssm");
        assertThat(config.endpoint()).isNull();
        assertThat(config.engine().scaling()).isNull();
        assertThat(config.caps()).isEqualTo(new io.ldist.live.execute.SafetyCaps(3, 5, 3, 3, 0.34));
        assertThat(config.intervalS()).isEqualTo(60);
        assertThat(config.engine().context().decisionIntervalS()).isEqualTo(60);
        assertThat(config.api().host()).isEqualTo("127.0.0.1");
        assertThat(config.stateDir()).isEqualTo(tmp.resolve(".ldist-state").resolve("tiny"));
    }

    @Test
    void relativePaths_resolvedFromTheConfigsFolder() throws IOException {
        Files.writeString(tmp.resolve("token"), "secret\n");
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), MINIMAL + """
                  stateDir: state/here
                  api: {host: 0.0.0.0, tokenFile: token}
                """);

        LiveConfig config = LiveConfigLoader.load(file);

        assertThat(config.stateDir()).isEqualTo(tmp.resolve("state/here"));
        assertThat(config.api().tokenFile()).isEqualTo(tmp.resolve("token"));
    }

    @Test
    void overrides_appliedBeforeChecking() throws IOException {
        Path file = Files.writeString(tmp.resolve("tiny.yaml"), MINIMAL);

        assertThat(LiveConfigLoader.load(file, List.of("live.caps.maxInstances=4")).caps().maxInstances()).isEqualTo(4);
        assertThatThrownBy(() -> LiveConfigLoader.load(file, List.of("live.caps.maxInstance=4")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("--set live.caps.maxInstance=4: live.caps.maxInstance: expected one of the fields "
                        + "maxInstances, maxCostPerHour, maxLaunchesPerHour, maxTerminationsPerHour or "
                        + "disruptionBudget, found unknown field 'maxInstance'; did you mean 'maxInstances'?");
    }

    @Test
    void detection_byTheTopLevelLiveKey() throws IOException {
        assertThat(LiveConfigLoader.isLiveConfig(LIVE.resolve("moto-demo.yaml"))).isTrue();
        assertThat(LiveConfigLoader.isLiveConfig(LIVE.resolve("../quickstart.yaml"))).isFalse();
        assertThat(LiveConfigLoader.isLiveConfig(Files.writeString(tmp.resolve("bad.yaml"), "a: [\n"))).isFalse();
        assertThat(LiveConfigLoader.isLiveConfig(tmp.resolve("missing.yaml"))).isFalse();
    }

    @Test
    void scenarioWithoutHosts_stillRefusedForThem() {
        String scenario = """
                name: s
                fleet:
                  hostTypes: [{name: box, cores: 8, mipsPerCore: 2000, ram: 32GiB, power: [100, 200]}]
                  vmTypes: [{name: worker, cores: 4, mipsPerCore: 2000, ram: 8GiB}]
                workload: {kind: tasks, arrivals: {perHour: 60}, task: {cpuMips: 1000, duration: 2m}}
                """;

        assertThatThrownBy(() -> ScenarioLoader.load(ScenarioDocument.parse(scenario, "s.yaml"), List.of(), "s.yaml",
                TraceCache.NONE))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml:2:1: fleet.hosts: expected a list, found nothing (field 'hosts' is missing)");
    }
}
