package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario's {@code costs} section: a priced run reports its cost by part, and each mistake in the section
 * is refused with its place and nothing written. The section follows {@link TestScenarios#TASKS}' last line
 * (33), so it starts at line 34.
 */
class CostsSectionTest {
    private static final String LAST_LINE = "  placement: least-loaded";
    private static final List<String> PARTS = List.of("costOnDemandUsd", "costReservedUsd", "costLicencesUsd",
            "costStandbyUsd", "costEnergyUsd", "costMigrationsUsd", "costSlaUsd");

    @TempDir
    Path tmp;

    private Path priced(String costs) {
        return TestScenarios.tasks(tmp, LAST_LINE, LAST_LINE + "\ncosts:\n" + costs);
    }

    private JsonNode summary(Path scenario, String... options) throws IOException {
        Path out = tmp.resolve("out-" + listing(tmp).size());
        List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.ldist(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private String refused(Path scenario) {
        Map<String, Long> before = listing(tmp);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(out).doesNotExist();
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        return run.err();
    }

    @Test
    void anUnpricedRun_costsItsOnDemandHours_andTheOtherPartsAreZero() throws IOException {
        JsonNode summary = summary(TestScenarios.tasks(tmp));

        assertThat(summary.get("costOnDemandUsd").asDouble()).isEqualTo(summary.get("costUsd").asDouble());
        for (String part : PARTS.subList(1, PARTS.size())) {
            assertThat(summary.get(part).asDouble()).as(part).isZero();
        }
    }

    @Test
    void aPricedRun_reportsEachPart_andCostUsdIsTheirSum() throws IOException {
        Path scenario = priced("""
                  hostTypes:
                    - type: box
                      licencePerHour: 0.5
                      reserved: {hosts: 1, pricePerHour: 0.25}
                  energyPerKWh: 0.2
                  sla: {perLateTask: 1, perDroppedTask: 2}
                """);

        JsonNode summary = summary(scenario);

        double sum = PARTS.stream().mapToDouble(part -> summary.get(part).asDouble()).sum();
        assertThat(summary.get("costUsd").asDouble()).isCloseTo(sum, within(1e-6));
        // two boxes at price 0 run the hour: licences 2 x 0.5, the reservation 1 x 0.25 for the hour
        assertThat(summary.get("costLicencesUsd").asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(summary.get("costReservedUsd").asDouble()).isCloseTo(0.25, within(1e-6));
        assertThat(summary.get("costEnergyUsd").asDouble())
                .isCloseTo(0.2 * summary.get("energyKWh").asDouble(), within(1e-6));
        assertThat(summary.get("costSlaUsd").asDouble()).isCloseTo(summary.get("tasksLate").asDouble()
                + 2 * summary.get("tasksDropped").asDouble(), within(1e-6));
    }

    @Test
    void reservationsScaleWithTheScenario_andPricesTakeSet() throws IOException {
        Path scenario = priced("""
                  hostTypes:
                    - type: box
                      reserved: {hosts: 1, pricePerHour: 0.25}
                """);

        JsonNode summary = summary(scenario, "--set", "scale=3", "--set", "costs.energyPerKWh=1");

        assertThat(summary.get("costReservedUsd").asDouble()).isCloseTo(3 * 0.25, within(1e-6));
        assertThat(summary.get("costEnergyUsd").asDouble())
                .isCloseTo(summary.get("energyKWh").asDouble(), within(1e-6));
    }

    @Test
    void aHostTypeThatIsNotInTheFleet_isRefusedWithDidYouMean() {
        Path scenario = priced("""
                  hostTypes:
                    - type: boxx
                      licencePerHour: 0.5
                """);

        assertThat(refused(scenario)).isEqualTo(scenario + ":36:7: costs.hostTypes[0].type: expected the name "
                + "of a host type of fleet.hostTypes (box) or of the instance catalogue "
                + "(ldist catalogue lists them), found 'boxx'; did you mean 'box'?\n");
    }

    @Test
    void aHostTypePricedTwice_isRefused() {
        Path scenario = priced("""
                  hostTypes:
                    - type: box
                      licencePerHour: 0.5
                    - type: box
                      licencePerHour: 0.7
                """);

        assertThat(refused(scenario)).isEqualTo(scenario + ":38:7: costs.hostTypes[1].type: expected a host type "
                + "not priced before in costs.hostTypes, found 'box' again\n");
    }

    @Test
    void aNegativePrice_isRefused() {
        Path scenario = priced("""
                  energyPerKWh: -0.1
                """);

        assertThat(refused(scenario)).startsWith(scenario + ":35:3: costs.energyPerKWh: expected ")
                .contains("found -0.1");
    }

    @Test
    void aReservationWithoutItsPrice_isRefused() {
        Path scenario = priced("""
                  hostTypes:
                    - type: box
                      reserved: {hosts: 2}
                """);

        assertThat(refused(scenario)).startsWith(scenario + ":37:7: costs.hostTypes[0].reserved")
                .contains("pricePerHour");
    }

    @Test
    void aMisspeltPart_isRefusedWithDidYouMean() {
        Path scenario = priced("""
                  sla: {perLateTsk: 1}
                """);

        assertThat(refused(scenario)).startsWith(scenario + ":35:")
                .contains("costs.sla.perLateTsk", "did you mean 'perLateTask'?");
    }
}
