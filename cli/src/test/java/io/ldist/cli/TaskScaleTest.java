package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scale K} on a task stream makes K copies of it share one fleet: K times the servers at the start and
 * the arrivals (the same workload's shape), so a study of size is one flag, as for traces.
 */
class TaskScaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void scalingATaskStream_multipliesItsServersAndArrivals() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        JsonNode one = summary(scenario, 1);
        JsonNode four = summary(scenario, 4);

        double ratio = four.get("tasksArrived").asDouble() / one.get("tasksArrived").asDouble();
        assertThat(ratio).as("arrivals at four times the rate").isBetween(3.4, 4.6);
        CliRun validate = CliRun.ldist("validate", scenario.toString(), "--set", "scale=4");
        assertThat(validate.out()).contains("8 servers at start");
    }

    @Test
    void scalingACsvReplay_replaysEachRowKTimes() throws IOException {
        Path gpuBatch = Path.of("..", "scenarios", "tasks", "gpu-batch.yaml");
        long jobs = java.nio.file.Files.readAllLines(Path.of("..", "scenarios", "tasks", "gpu-batch.csv")).size() - 1;

        assertThat(summary(gpuBatch, 3).get("tasksArrived").asLong()).isEqualTo(3 * jobs);
    }

    private JsonNode summary(Path scenario, int scale) throws IOException {
        Path out = tmp.resolve("out-" + scale);
        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--scale", String.valueOf(scale), "--out",
                out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JSON.readTree(out.resolve("summary.json").toFile());
    }
}
