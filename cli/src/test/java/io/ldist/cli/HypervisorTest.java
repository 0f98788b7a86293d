package io.ldist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.scenario.InstanceCatalogue;
import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.engine.model.HostType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Host types that run a hypervisor: what its parent partition keeps, and the mistakes a scenario can make. */
class HypervisorTest {
    /** The task scenario's host types, replaced by the lines given (its servers are of type 'box'). */
    private static final String DECLARED = """
              hostTypes:
                - name: box
                  cores: 8
                  mipsPerCore: 2000
                  ram: 32GiB
                  power: [100, 200]
            """;

    @TempDir
    Path tmp;

    private Path scenario(String hostTypes) {
        return TestScenarios.tasks(tmp, DECLARED, hostTypes);
    }

    private static HostType box(Path scenario) {
        LoadedScenario loaded = ScenarioLoader.load(scenario, List.of());
        return loaded.spec().hosts().get(0).type();
    }

    private String refused(Path scenario) {
        return CliRun.refusedLeaving(tmp, "simulate", scenario.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void aNamedHypervisorKeepsItsDefaultReserve_andTheVmsGetTheRest() {
        HostType kvm = box(scenario("""
                  hostTypes:
                    - {name: box, cores: 10, mipsPerCore: 2000, ram: 32GiB, power: [100, 200], hypervisor: kvm}
                """));
        assertThat(kvm.cores()).isEqualTo(9);
        assertThat(kvm.ramMb()).isEqualTo(30 * 1024);
        assertThat(kvm.mipsPerCore()).isEqualTo(2000);

        HostType hyperV = box(scenario("""
                  hostTypes:
                    - {name: box, cores: 10, mipsPerCore: 2000, ram: 32GiB, power: [100, 200], hypervisor: hyper-v}
                """));
        assertThat(hyperV.cores()).isEqualTo(8);
        assertThat(hyperV.ramMb()).isEqualTo(28 * 1024);
    }

    @Test
    void aReserveOfOnesOwn_andNoHypervisorKeepsTheWholeServer() {
        HostType xen = box(scenario("""
                  hostTypes:
                    - name: box
                      cores: 10
                      mipsPerCore: 2000
                      ram: 32GiB
                      power: [100, 200]
                      hypervisor: {name: xen, reservedCores: 1, reservedRam: 512MiB}
                """));
        assertThat(xen.cores()).isEqualTo(9);
        assertThat(xen.ramMb()).isEqualTo(32 * 1024 - 512);

        assertThat(box(scenario(DECLARED)).cores()).isEqualTo(8);
    }

    @Test
    void fromACatalogueTypeWithAHypervisorItRuns() {
        HostType m5 = InstanceCatalogue.shipped().type("m5.metal").orElseThrow();
        HostType kvm = box(scenario("""
                  hostTypes:
                    - {from: m5.metal, name: box, hypervisor: kvm}
                """));
        assertThat(kvm.cores()).isEqualTo(m5.cores() - 1);
        assertThat(kvm.ramMb()).isEqualTo(m5.ramMb() - 2048);
        assertThat(kvm.priceUsdPerHour()).isEqualTo(m5.priceUsdPerHour());
    }

    @Test
    void unknownHypervisor_refusedWithDidYouMean() {
        Path scenario = scenario("""
                  hostTypes:
                    - {name: box, cores: 8, mipsPerCore: 2000, ram: 32GiB, power: [100, 200], hypervisor: hyperv}
                """);
        assertThat(refused(scenario)).isEqualTo(scenario + ":8:79: fleet.hostTypes[0].hypervisor: expected a "
                + "hypervisor (hyper-v, kvm, xen), found 'hyperv'; did you mean 'hyper-v'?\n");
    }

    @Test
    void aReserveAsLargeAsTheServer_refusedAtItsField() {
        Path scenario = scenario("""
                  hostTypes:
                    - name: box
                      cores: 8
                      mipsPerCore: 2000
                      ram: 32GiB
                      power: [100, 200]
                      hypervisor: {name: xen, reservedCores: 8}
                """);
        assertThat(refused(scenario)).isEqualTo(scenario + ":13:31: fleet.hostTypes[0].hypervisor.reservedCores: "
                + "expected a reserve that leaves the VMs something of the server (8 vCPUs, 32 GiB), found 8 vCPUs\n");
    }

    @Test
    void aHypervisorTheCatalogueTypeDoesNotRun_refused() {
        Path scenario = scenario("""
                  hostTypes:
                    - {from: m8i.4xlarge, name: box, hypervisor: xen}
                """);
        assertThat(refused(scenario)).isEqualTo(scenario + ":8:38: fleet.hostTypes[0].hypervisor: expected a "
                + "hypervisor that the catalogue's 'm8i.4xlarge' runs (hyper-v, kvm), found 'xen'\n");
    }

    @Test
    void scaleOutLaunchesTheHypervisorThatCarriesTheDemandCheapest() throws IOException {
        Path day = TestScenarios.SCENARIOS.resolve("tasks/ec2-day-hypervisors.yaml");
        Path byCost = tmp.resolve("by-cost");
        Path hyperVOnly = tmp.resolve("hyper-v");
        assertThat(CliRun.ldist("simulate", day.toString(), "--out", byCost.toString(), "--quiet").exitCode()).isZero();
        assertThat(CliRun.ldist("simulate", day.toString(), "--out", hyperVOnly.toString(), "--quiet", "--set",
                "policies.scaling.launchTypes=[m5.metal-hyperv]").exitCode()).isZero();

        List<String> launched = Files.readAllLines(byCost.resolve("events.csv")).stream()
                .filter(line -> line.contains(",LaunchHost,")).toList();
        // Xen costs least per hour (its licence) and leaves the template's three VMs their room.
        assertThat(launched).isNotEmpty().allMatch(line -> line.contains(",m5.metal-xen"));
        JsonNode cheap = new ObjectMapper().readTree(byCost.resolve("summary.json").toFile());
        JsonNode dear = new ObjectMapper().readTree(hyperVOnly.resolve("summary.json").toFile());
        assertThat(cheap.get("costLicencesUsd").asDouble()).isLessThan(dear.get("costLicencesUsd").asDouble());
        assertThat(cheap.get("costUsd").asDouble()).isLessThan(dear.get("costUsd").asDouble());
    }
}
