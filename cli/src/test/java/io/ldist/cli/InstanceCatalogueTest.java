package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.scenario.InstanceCatalogue;
import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.scenario.spec.HostGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instance catalogue: scenarios name its types without declaring them, start a type from one, merge a
 * catalogue file of their own; every mistake in a name or a catalogue file is refused with its file, line and
 * field and nothing written; {@code ldist catalogue} lists it. Lines refer to {@link TestScenarios#TASKS}.
 */
class InstanceCatalogueTest {
    /** TASKS' declared host type, lines 7 to 12. */
    private static final String DECLARED = """
              hostTypes:
                - name: box
                  cores: 8
                  mipsPerCore: 2000
                  ram: 32GiB
                  power: [100, 200]
            """;
    private static final String MINE = """
            source: our negotiated prices
            types:
              - name: m5.metal
                cores: 48
                mipsPerCore: 3000
                ram: 384GiB
                pricePerHour: 3.5
                power: {idle: 150, max: 600}
              - name: onprem.box
                cores: 64
                physicalCores: 32
                mipsPerCore: 2800
                ram: 256GiB
                power: [150, 400]
                hypervisors: [hyper-v, kvm]
            """;

    @TempDir
    Path tmp;

    private static HostType shipped(String name) {
        return InstanceCatalogue.shipped().type(name).orElseThrow();
    }

    /** TASKS with its host types replaced by {@code fleet} lines and its servers of type {@code type}. */
    private Path scenario(String fleet, String type) {
        return TestScenarios.tasks(tmp, DECLARED, fleet, "- type: box", "- type: " + type);
    }

    private Path file(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static HostType firstHostType(Path scenario) {
        LoadedScenario loaded = ScenarioLoader.load(scenario, List.of());
        List<HostGroup> hosts = loaded.spec().hosts();
        assertThat(hosts).isNotEmpty();
        return hosts.get(0).type();
    }

    private String refused(Path scenario) {
        Map<String, Long> before = listing(tmp);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    // ------------------------------------------------------------ the shipped catalogue

    @Test
    void shippedCatalogue_saysItIsUnverified_andEveryTypeRunsHyperV() {
        InstanceCatalogue catalogue = InstanceCatalogue.shipped();

        assertThat(catalogue.header().verified()).isFalse();
        assertThat(catalogue.header().region()).isEqualTo("us-east-1");
        assertThat(catalogue.header().source()).contains("from memory", "NOT verified");
        assertThat(catalogue.names()).contains("m5.metal", "m5d.metal", "m5zn.metal", "m6i.metal", "m7i.metal-24xl",
                "m7i.metal-48xl", "c5.metal", "c6i.metal", "r5.metal", "r6i.metal", "z1d.metal", "i3.metal",
                "g4dn.metal", "m8i.4xlarge", "m8i.8xlarge");
        for (InstanceCatalogue.Entry entry : catalogue.entries()) {
            assertThat(entry.hypervisors()).as(entry.name()).contains("hyper-v");
            assertThat(entry.origin()).isEqualTo(InstanceCatalogue.Origin.SHIPPED);
            assertThat(entry.type().priceUsdPerHour()).as(entry.name()).isPositive();
            assertThat(entry.type().cores()).as(entry.name()).isEqualTo(2 * entry.physicalCores());
            if (entry.name().endsWith(".metal") || entry.name().contains(".metal-")) {
                assertThat(entry.virtualization()).as(entry.name()).isEqualTo("metal");
                assertThat(entry.type().bootTimeS()).as(entry.name()).isBetween(600.0, 900.0);
            } else {
                assertThat(entry.virtualization()).as(entry.name()).isEqualTo("nested");
            }
        }
        assertThat(shipped("g4dn.metal").gpus()).isEqualTo(8);
        HostType m5 = shipped("m5.metal");
        assertThat(m5.cores()).isEqualTo(96);
        assertThat(m5.ramMb()).isEqualTo(384 * 1024);
        assertThat(m5.netMbps()).isEqualTo(25_000);
        assertThat(m5.priceUsdPerHour()).isEqualTo(4.608);
    }

    // ------------------------------------------------------------ scenarios naming catalogue types

    @Test
    void aServerOfACatalogueType_simulatesWithTheCatalogueValues() throws IOException {
        Path scenario = scenario("", "m5.metal");

        assertThat(firstHostType(scenario)).isEqualTo(shipped("m5.metal"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // two m5.metal servers running the hour, at the catalogue's on-demand price
        assertThat(summary.get("costOnDemandUsd").asDouble()).isCloseTo(2 * 4.608, within(1e-6));
    }

    @Test
    void fromACatalogueType_changesOnlyTheFieldsWritten() {
        Path scenario = scenario("""
                  hostTypes:
                    - from: m5.metal
                      pricePerHour: 3.9
                """, "m5.metal");

        HostType m5 = shipped("m5.metal");
        assertThat(firstHostType(scenario)).isEqualTo(new HostType("m5.metal", m5.cores(), m5.mipsPerCore(),
                m5.gpus(), m5.ramMb(), m5.netMbps(), 3.9, m5.power(), m5.bootTimeS(), m5.resumeTimeS()));
    }

    @Test
    void fromUnderAnotherName_keepsTheCatalogueTypeBesideIt() {
        Path scenario = TestScenarios.tasks(tmp, DECLARED, """
                  hostTypes:
                    - name: cool-m5
                      from: m5.metal
                      power: {idle: 100, max: 300}
                """, "- type: box\n      count: 2", "- type: cool-m5\n      count: 1\n    - type: m5.metal\n      count: 1");

        LoadedScenario loaded = ScenarioLoader.load(scenario, List.of());
        HostType cool = loaded.spec().hosts().get(0).type();
        HostType m5 = shipped("m5.metal");
        assertThat(cool.name()).isEqualTo("cool-m5");
        assertThat(cool.power().idleWatts()).isEqualTo(100);
        assertThat(cool.power().watts(1)).isEqualTo(300);
        assertThat(cool.ramMb()).isEqualTo(m5.ramMb());
        assertThat(cool.priceUsdPerHour()).isEqualTo(m5.priceUsdPerHour());
        assertThat(loaded.spec().hosts().get(1).type()).isEqualTo(m5);
    }

    @Test
    void withoutHostTypes_scalingLaunchesTheFirstTypeOfTheServers_andMayNameAnotherOfTheCatalogue() {
        Path scenario = TestScenarios.tasks(tmp, DECLARED, "", "- type: box", "- type: c6i.metal",
                "  placement: least-loaded", "  placement: least-loaded\n  scaling: {policy: threshold, maxHosts: 4}");
        assertThat(ScenarioLoader.load(scenario, List.of()).engine().scaling().launchType())
                .isEqualTo(shipped("c6i.metal"));

        Path named = TestScenarios.tasks(tmp, DECLARED, "", "- type: box", "- type: c6i.metal",
                "  placement: least-loaded", "  placement: least-loaded\n  scaling: {policy: threshold, maxHosts: 4, "
                        + "launchType: m8i.8xlarge}");
        assertThat(ScenarioLoader.load(named, List.of()).engine().scaling().launchType())
                .isEqualTo(shipped("m8i.8xlarge"));
    }

    @Test
    void declaredTypes_comeFirst_forTheDefaultLaunchType() {
        Path scenario = TestScenarios.tasks(tmp, "- type: box\n      count: 2",
                "- type: m5.metal\n      count: 1\n    - type: box\n      count: 1",
                "  placement: least-loaded", "  placement: least-loaded\n  scaling: {policy: threshold, maxHosts: 4}");

        assertThat(ScenarioLoader.load(scenario, List.of()).engine().scaling().launchType().name()).isEqualTo("box");
    }

    @Test
    void aUserCatalogue_replacesAShippedTypeAndAddsItsOwn_andIsRecordedInTheRunsInputs() throws IOException {
        Path mine = file("mine.yaml", MINE);
        Path scenario = TestScenarios.tasks(tmp, DECLARED, "  catalogue: mine.yaml\n",
                "- type: box\n      count: 2", "- type: onprem.box\n      count: 1\n    - type: m5.metal\n      count: 1");

        LoadedScenario loaded = ScenarioLoader.load(scenario, List.of());
        HostType onprem = loaded.spec().hosts().get(0).type();
        assertThat(onprem.cores()).isEqualTo(64);
        assertThat(onprem.mipsPerCore()).isEqualTo(2800);
        assertThat(onprem.ramMb()).isEqualTo(256 * 1024);
        HostType m5 = loaded.spec().hosts().get(1).type();
        assertThat(m5.priceUsdPerHour()).isEqualTo(3.5);
        assertThat(m5.mipsPerCore()).isEqualTo(3000);
        assertThat(m5.power().idleWatts()).isEqualTo(150);
        assertThat(loaded.dataPaths()).containsExactly(mine);

        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode runJson = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(runJson.toString()).contains("\"kind\":\"catalogue file\"", mine.toString());
    }

    // ------------------------------------------------------------ bad input

    @Test
    void unknownType_refusedWithDidYouMeanAmongDeclaredAndCatalogueNames() {
        Path scenario = TestScenarios.tasks(tmp, "- type: box", "- type: m5.metl");

        assertThat(refused(scenario)).isEqualTo(scenario + ":14:7: fleet.hosts[0].type: expected the name of a host "
                + "type of fleet.hostTypes (box) or of the instance catalogue (ldist catalogue lists them), found "
                + "'m5.metl'; did you mean 'm5.metal'?\n");
    }

    @Test
    void unknownFrom_refusedWithDidYouMean() {
        Path scenario = scenario("""
                  hostTypes:
                    - from: r6i.metl
                """, "r6i.metal");

        assertThat(refused(scenario)).isEqualTo(scenario + ":8:7: fleet.hostTypes[0].from: expected the name of a "
                + "type of the instance catalogue (ldist catalogue lists them), found 'r6i.metl'; did you mean "
                + "'r6i.metal'?\n");
    }

    @Test
    void aTypeWithoutFrom_stillNeedsEveryField() {
        Path scenario = TestScenarios.tasks(tmp, "      cores: 8\n", "");

        assertThat(refused(scenario)).isEqualTo(scenario + ":8:7: fleet.hostTypes[0].cores: expected an integer, "
                + "found nothing (field 'cores' is missing); or give 'from', a type of the instance catalogue to "
                + "start from (ldist catalogue lists them)\n");
    }

    @Test
    void missingCatalogueFile_refusedAtTheScenarioField() {
        Path scenario = scenario("  catalogue: nowhere.yaml\n", "m5.metal");

        assertThat(refused(scenario)).isEqualTo(scenario + ":7:3: fleet.catalogue: expected a catalogue file (the "
                + "format of ldist's shipped ec2-hyperv.yaml), found 'nowhere.yaml' (" + tmp.resolve("nowhere.yaml")
                + "), which does not exist\n");
    }

    @Test
    void catalogueWithAYamlError_refusedAtItsLine() throws IOException {
        Path bad = file("mine.yaml", "types:\n  - name: [x.metal\n");
        Path scenario = scenario("  catalogue: mine.yaml\n", "m5.metal");

        assertThat(refused(scenario)).isEqualTo(bad + ":3:1: malformed YAML: expected ',' or ']', but got "
                + "<stream end> (while parsing a flow sequence at line 2)\n");
    }

    @Test
    void catalogueWithABadField_refusedAtItsLineAndField() throws IOException {
        Path bad = file("mine.yaml", MINE.replace("    ram: 256GiB", "    ram: 256 gigs")
                .replace("    mipsPerCore: 3000", "    mipsPerCor: 3000"));
        Path scenario = scenario("  catalogue: mine.yaml\n", "onprem.box");

        assertThat(refused(scenario)).isEqualTo(bad + ":5:5: types[0].mipsPerCor: expected one of the fields name, "
                + "cores, physicalCores, mipsPerCore, gpus, ram, network, pricePerHour, power, bootTime, resumeTime, "
                + "virtualization, hypervisors or notes, found unknown field 'mipsPerCor'; did you mean "
                + "'mipsPerCore'?\n"
                + bad + ":13:5: types[1].ram: expected a size with unit KiB, MiB, GiB, TiB, kB, MB, GB or TB, found "
                + "'256 gigs'; did you mean 'GiB'?\n");
    }

    @Test
    void catalogueNamingATypeTwice_refusedAtTheSecond() throws IOException {
        Path bad = file("mine.yaml", MINE.replace("onprem.box", "m5.metal"));
        Path scenario = scenario("  catalogue: mine.yaml\n", "m5.metal");

        assertThat(refused(scenario)).isEqualTo(bad + ":9:5: types[1].name: expected a type name not used before "
                + "in this catalogue, found 'm5.metal' again\n");
    }

    // ------------------------------------------------------------ ldist catalogue

    @Test
    void catalogueCommand_printsTheHeaderSayingUnverified_andARowPerType() {
        CliRun run = CliRun.ldist("catalogue");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  region        us-east-1\n",
                "  source        AWS public on-demand price list, from memory; NOT verified against the live price "
                        + "list\n",
                "  verified      NO: values from memory, not verified");
        List<String> rows = run.out().lines().filter(line -> line.startsWith("  m5.metal ")).toList();
        assertThat(rows).containsExactly("  m5.metal            96    48   384 GiB    0    25 Gbps   4.6080   "
                + "200-670 12 min  hyper-v, kvm, xen (metal)");
        assertThat(run.out().lines().filter(line -> line.startsWith("  g4dn.metal ")).findFirst().orElseThrow())
                .contains("    8   100 Gbps   7.8240");
        assertThat(run.out()).doesNotContain("* ", "+ ");
    }

    @Test
    void catalogueCommandJson_holdsTheSameValues() throws IOException {
        CliRun run = CliRun.ldist("catalogue", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("verified").asBoolean(true)).isFalse();
        assertThat(json.get("region").asText()).isEqualTo("us-east-1");
        assertThat(json.get("types")).hasSize(InstanceCatalogue.shipped().entries().size());
        JsonNode m5 = json.get("types").get(0);
        assertThat(m5.get("name").asText()).isEqualTo("m5.metal");
        assertThat(m5.get("cores").asInt()).isEqualTo(96);
        assertThat(m5.get("physicalCores").asInt()).isEqualTo(48);
        assertThat(m5.get("ramMiB").asLong()).isEqualTo(393_216);
        assertThat(m5.get("pricePerHour").asDouble()).isEqualTo(4.608);
        assertThat(m5.get("power").get("idle").asInt()).isEqualTo(200);
        assertThat(m5.get("hypervisors").get(0).asText()).isEqualTo("hyper-v");
        assertThat(m5.get("origin").asText()).isEqualTo("shipped");
    }

    @Test
    void catalogueCommandWithAFile_marksReplacedAndAddedTypes() throws IOException {
        Path mine = file("mine.yaml", MINE);

        CliRun run = CliRun.ldist("catalogue", "--catalogue", mine.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  merged        " + mine + "\n", "\n* m5.metal            48    24   384 GiB",
                "\n+ onprem.box          64    32   256 GiB    0     1 Gbps   0.0000   150-400    0 s  hyper-v, kvm\n",
                "* replaced by a type of the same name in a merged file", "+ added by a merged file");

        JsonNode json = new ObjectMapper().readTree(CliRun.ldist("catalogue", "--catalogue", mine.toString(), "--json")
                .out());
        List<String> origins = new ArrayList<>();
        json.get("types").forEach(type -> origins.add(type.get("name").asText() + ":" + type.get("origin").asText()));
        assertThat(origins).startsWith("m5.metal:replaced").endsWith("onprem.box:added");
        assertThat(json.get("files").get(0).asText()).isEqualTo(mine.toString());
    }

    @Test
    void catalogueCommandWithABadFile_exits2WithFileAndLine() throws IOException {
        Path bad = file("mine.yaml", MINE.replace("onprem.box", "m5.metal"));

        assertThat(CliRun.refusedLeaving(tmp, "catalogue", "--catalogue", bad.toString())).isEqualTo(bad
                + ":9:5: types[1].name: expected a type name not used before in this catalogue, found 'm5.metal' "
                + "again\n");
        assertThat(CliRun.refusedLeaving(tmp, "catalogue", "--catalogue", tmp.resolve("none.yaml").toString()))
                .isEqualTo(tmp.resolve("none.yaml") + ": expected a readable catalogue file, found no such file\n");
    }

    @Test
    void powerCurveOfTheShippedTypes_isAStraightLineFromIdleToMax() {
        PowerCurve power = shipped("m5.metal").power();
        assertThat(power.watts(0.5)).isCloseTo((200 + 670) / 2.0, within(1e-9));
    }
}
