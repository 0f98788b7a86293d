package io.ldist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped mixed-fleet day: the cheapest placement with scale-out choosing the type by cost launches the
 * cheaper c5.metal, and the day costs less than spreading the load and launching m5.metal only, at the same
 * 95th percentile wait (docs/costs.md has the five-seed figures).
 */
class ChoosingByCostTest {
    private static final Path MIXED = TestScenarios.SCENARIOS.resolve("tasks/ec2-day-mixed.yaml");

    @TempDir
    Path tmp;

    private Path run(String name, String... sets) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("simulate", MIXED.toString(), "--out", out.toString(), "--quiet"));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        CliRun run = CliRun.ldist(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out;
    }

    private static long launchesOf(Path out, String type) throws IOException {
        try (var lines = Files.lines(out.resolve("events.csv"))) {
            return lines.filter(line -> line.contains(",LaunchHost,") && line.contains("," + type)).count();
        }
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void byCostTheCheaperTypeIsLaunchedAndTheDayCostsLessAtTheSameWait() throws IOException {
        Path byCost = run("by-cost");
        Path today = run("today", "policies.placement=least-loaded", "policies.scaling.launchTypes=[m5.metal]");

        assertThat(launchesOf(byCost, "c5.metal")).isPositive();
        assertThat(launchesOf(byCost, "m5.metal")).isZero();
        assertThat(launchesOf(today, "c5.metal")).isZero();
        assertThat(launchesOf(today, "m5.metal")).isPositive();

        JsonNode cheap = summary(byCost);
        JsonNode spread = summary(today);
        assertThat(cheap.path("costUsd").asDouble()).isLessThan(0.99 * spread.path("costUsd").asDouble());
        assertThat(cheap.path("p95WaitS").asDouble()).isLessThan(1.02 * spread.path("p95WaitS").asDouble());
        assertThat(cheap.path("tasksDropped").asLong()).isEqualTo(spread.path("tasksDropped").asLong());
    }
}
