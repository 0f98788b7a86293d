package io.ldist.cli;

import static io.ldist.cli.TestScenarios.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldist simulate on the quickstart scenario, from the jar and from scenarios/quickstart.yaml. */
class EndToEndTest {
    private static final List<String> OUTPUT_FILES = List.of("events.csv", "run.json", "summary.json", "timeseries.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void embeddedQuickstart_runsAndWritesTheFourFiles() throws IOException {
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("quickstart: seed 42, 6 h simulated in ")
                .contains("\n  Energy and cost\n", "\n  Fleet\n", "\n  Tasks\n", "\n  Failover\n",
                        "    energy ", "    migrations ", "    tasks late ", "    95th percentile wait ")
                .doesNotContain("Service level")
                .endsWith("Wrote " + out + ": summary.json, timeseries.csv, events.csv, run.json\n");
        assertQuickstartOutputs(out);
    }

    @Test
    void quickstartFile_runsLikeTheEmbeddedOne() throws IOException {
        Path fromFile = tmp.resolve("file");
        Path embedded = tmp.resolve("embedded");

        CliRun run = CliRun.ldist("simulate", SCENARIOS.resolve("quickstart.yaml").toString(), "--out", fromFile.toString());
        CliRun.ldist("simulate", "--quiet", "--out", embedded.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("quickstart: seed 42, 6 h simulated in ").contains("\n  Energy and cost\n");
        assertQuickstartOutputs(fromFile);
        assertThat(fromFile.resolve("summary.json")).hasSameBinaryContentAs(embedded.resolve("summary.json"));
    }

    @Test
    void quietRun_printsNothingButWritesTheFiles() throws IOException {
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", "--quiet", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(listFolder(out)).containsExactlyElementsOf(OUTPUT_FILES);
    }

    @Test
    void traceScenario_summaryShowsTheServiceLevelSection() {
        Path scenario = TestScenarios.trace(tmp);

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("small-trace: seed 1, 2 h simulated in ")
                .contains("\n  Energy and cost\n", "\n  Service level (VM traces)\n", "    SLATAH ", "\n  Fleet\n")
                .doesNotContain("\n  Tasks\n", "\n  Failover\n", "affinity rules broken");
    }

    @Test
    void traceScenario_taskMetricsAreNotMeasured_nullNotZero() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        for (String metric : List.of("tasksArrived", "tasksCompleted", "tasksLate", "tasksDropped", "p95WaitS")) {
            assertThat(summary.get(metric).isNull()).as(metric + " of a trace replay").isTrue();
        }
        assertThat(summary.get("migrations").isNumber()).isTrue();
    }

    @Test
    void gpuBatchReplay_runsEveryJobOfItsCsv_onGpuVms() throws IOException {
        Path out = tmp.resolve("out");
        long jobs = Files.readAllLines(SCENARIOS.resolve("tasks/gpu-batch.csv")).size() - 1;

        CliRun run = CliRun.ldist("simulate", SCENARIOS.resolve("tasks/gpu-batch.yaml").toString(), "--out",
                out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("tasksArrived").asLong()).isEqualTo(jobs);
        // The run lasts an hour past the last submission, long enough for every job, the crash's included.
        assertThat(summary.get("tasksCompleted").asLong()).isEqualTo(jobs);
        assertThat(summary.get("failovers").asLong()).isEqualTo(1);
        assertThat(summary.get("failoversUnrecovered").asLong()).isZero();
        // The hourly GPU batches make the fleet grow past its two servers.
        assertThat(Files.readAllLines(out.resolve("events.csv"))).anyMatch(l -> l.contains(",ResumeHost,SCALE_OUT,"));
    }

    private static void assertQuickstartOutputs(Path out) throws IOException {
        assertThat(listFolder(out)).containsExactlyElementsOf(OUTPUT_FILES);

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.isObject()).isTrue();
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("energyKWh", "costUsd", "migrations", "slatah", "pdm", "slav", "esv",
                "activeHostsMean", "unplaced", "tasksLate", "p95WaitS");
        summary.fields().forEachRemaining(field -> assertThat(field.getValue().isNumber() || field.getValue().isNull())
                .as("summary.json is flat: %s is a number or null", field.getKey()).isTrue());
        assertThat(summary.get("energyKWh").asDouble()).isPositive();
        assertThat(summary.get("tasksArrived").asLong()).isPositive();

        List<String> timeseries = Files.readAllLines(out.resolve("timeseries.csv"));
        assertThat(timeseries.get(0)).startsWith("timeS,activeHosts,");
        assertThat(timeseries).as("a header, one row per decision (6 h / 1 min) and one at the end").hasSize(1 + 361);
        assertThat(timeseries.get(1)).startsWith("0,");
        assertThat(timeseries.get(360)).startsWith("21540,");
        assertThat(timeseries.get(361)).startsWith("21600,");
        assertThat(Double.parseDouble(timeseries.get(361).split(",")[10])).as("energy at the end is the run's")
                .isEqualTo(summary.get("energyKWh").asDouble());

        List<String> events = Files.readAllLines(out.resolve("events.csv"));
        assertThat(events.get(0)).isEqualTo("timeS,kind,reason,host,vm,toHost,task,detail");
        Set<String> kindsAndReasons = new HashSet<>();
        for (String line : events.subList(1, events.size())) {
            String[] cells = line.split(",", -1);
            kindsAndReasons.add(cells[1] + " " + cells[2]);
        }
        assertThat(kindsAndReasons).containsAnyOf("LaunchHost SCALE_OUT", "ResumeHost SCALE_OUT");
        assertThat(kindsAndReasons).contains("FenceHost FAILOVER");
        assertThat(kindsAndReasons).anyMatch(kindAndReason -> kindAndReason.startsWith("HostCrashed "));

        JsonNode runInfo = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(runInfo.get("simWallSeconds").asDouble()).isPositive();
        assertThat(runInfo.get("ldistVersion").asText()).isNotBlank();
        assertThat(runInfo.get("finishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(runInfo.get("seed").asLong()).isEqualTo(42);
    }

    static List<String> listFolder(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
