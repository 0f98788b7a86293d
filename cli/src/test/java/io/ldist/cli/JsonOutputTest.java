package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.reports.ResultsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --json of simulate and compare: standard output is JSON a program reads, and the files are written as ever. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void simulateJson_printsSummaryJson_andStillWritesTheFiles() throws Exception {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("simulate", scenario.toString(), "--out", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed).isEqualTo(JSON.readTree(Files.readString(out.resolve("summary.json"))));
        assertThat(printed.get("vms").asInt()).isEqualTo(4);
        assertThat(printed.has("energyKWh")).isTrue();
        assertThat(out.resolve("timeseries.csv")).exists();
        assertThat(out.resolve("events.csv")).exists();
        assertThat(out.resolve("run.json")).exists();
    }

    @Test
    void compareJson_printsTheSummaryAsAnArrayOfVariants() throws Exception {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "thr-mmt-0.8,dvfs", "--seeds", "2",
                "--out", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed.isArray()).isTrue();
        assertThat(printed).extracting(v -> v.get("policy").asText()).containsExactly("thr-mmt-0.8", "dvfs");
        ResultsTable results = ResultsTable.read(out.resolve("results.csv"));
        for (JsonNode variant : printed) {
            var rows = results.rowsOf(variant.get("policy").asText());
            assertThat(variant.get("runs").asInt()).isEqualTo(2).isEqualTo(rows.size());
            assertThat(variant.get("energyKWh").asDouble()).isCloseTo(
                    rows.stream().mapToDouble(r -> r.metric("energyKWh")).average().orElseThrow(), within(1e-9));
        }
        assertThat(out.resolve("report.html")).exists();
    }
}
