package io.ldist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standby pools sized three ways on the quickstart's surge (a fixed pool of one, an EC2-style warm pool, a
 * cost-sized one), and the pool settings a scenario gets wrong.
 */
class StandbyPoolTest {
    private static final Path QUICKSTART = TestScenarios.SCENARIOS.resolve("quickstart.yaml");
    private static final String STORAGE = "costs={hostTypes: [{type: m5.metal, stoppedPerHour: 0.011}]}";

    @TempDir
    Path tmp;

    private JsonNode summary(String name, String... sets) throws IOException {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("simulate", QUICKSTART.toString(), "--out", out.toString(),
                "--quiet"));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        CliRun run = CliRun.ldist(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aWarmPoolResumesEveryServerAScaleOutAsksForAndACostSizedOneSomeAtAStatedStorageCost() throws IOException {
        JsonNode fixed = summary("fixed", STORAGE);
        JsonNode warm = summary("warm", STORAGE, "policies.scaling.standbyPool={policy: warm-pool, minSize: 1}");
        JsonNode sized = summary("sized", STORAGE,
                "policies.scaling.standbyPool={policy: cost-sized, size: 1, penalty: 0.05}");

        // The quickstart scales out two at a time with one stopped server: the second boots (4 minutes).
        assertThat(fixed.path("meanTimeToCapacityS").asDouble()).isEqualTo(240.0);
        // A warm pool holds the prepared capacity: every server a scale-out asks for resumes (45 s).
        assertThat(warm.path("meanTimeToCapacityS").asDouble()).isEqualTo(45.0);
        assertThat(warm.path("maxTimeToCapacityS").asDouble()).isEqualTo(45.0);
        assertThat(warm.path("costStandbyUsd").asDouble()).isGreaterThan(fixed.path("costStandbyUsd").asDouble());
        // The cost-sized pool lies between, and says what its storage cost.
        assertThat(sized.path("meanTimeToCapacityS").asDouble()).isLessThan(240.0).isGreaterThan(45.0);
        assertThat(sized.path("costStandbyUsd").asDouble()).isPositive();
    }

    @Test
    void aPoolWhoseWaitsCostNothingKeepsNoServerStopped() throws IOException {
        JsonNode sized = summary("free-waits", STORAGE, "policies.scaling.standbyPool={policy: cost-sized, size: 1}");
        // No price for a late task and no penalty given: once it has measured, it stops keeping servers.
        assertThat(sized.path("meanTimeToCapacityS").asDouble()).isEqualTo(240.0);
    }

    private String refused(String pool) {
        return CliRun.refusedLeaving(tmp, "simulate", QUICKSTART.toString(), "--out", tmp.resolve("out").toString(),
                "--set", "policies.scaling.standbyPool=" + pool);
    }

    @Test
    void settingsThePoolsPolicyDoesNotRead_saidToBeIgnored() {
        // Not refused: a sweep of the pool's policy keeps one set of settings for every kind.
        Path out = tmp.resolve("swept");
        CliRun run = CliRun.ldist("simulate", QUICKSTART.toString(), "--out", out.toString(), "--quiet", "--set",
                "policies.scaling.standbyPool={policy: fixed, size: 1, minSize: 1, penalty: 0.05}");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("ldist: notice: policies.scaling.standbyPool.minSize is ignored with policy "
                + "fixed (only warm-pool and cost-sized read it)\n", "ldist: notice: policies.scaling.standbyPool."
                + "penalty is ignored with policy fixed (only cost-sized reads it)\n");
    }

    @Test
    void poolSettingsOfTheWrongForm_refusedAtTheField() {
        String at = "--set policies.scaling.standbyPool=";
        assertThat(refused("{policy: cost-szed}")).isEqualTo(at + "{policy: cost-szed}: "
                + "policies.scaling.standbyPool.policy: expected one of 'fixed', 'warm-pool' or 'cost-sized', found "
                + "'cost-szed'; did you mean 'cost-sized'?\n");
        assertThat(refused("{size: 1}")).isEqualTo(at + "{size: 1}: policies.scaling.standbyPool.policy: expected "
                + "one of 'fixed', 'warm-pool' or 'cost-sized', found nothing (field 'policy' is missing)\n");
        assertThat(refused("lots")).isEqualTo(at + "lots: policies.scaling.standbyPool: expected a number of "
                + "servers, or {policy: fixed, warm-pool or cost-sized, size, minSize, maxPrepared, penalty}, found "
                + "'lots'\n");
    }
}
