package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastEvalTest {
    @TempDir
    Path tmp;

    @Test
    void everyMethodAtEveryHorizonIsWrittenAndPrinted() throws IOException {
        Path traces = TestScenarios.traceFolder(tmp.resolve("day"));
        CliRun run = CliRun.ldist("forecast-eval", traces.toString(), "--horizons", "5m,1h", "--methods",
                "last-value,moving-average,median", "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> csv = Files.readAllLines(tmp.resolve("out/forecast.csv"));
        assertThat(csv.get(0)).isEqualTo("method,horizon,mae,rmse,coverage");
        assertThat(csv).hasSize(1 + 3 * 2);
        assertThat(csv.get(1)).startsWith("last-value,5m,");
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",");
            assertThat(Double.parseDouble(cells[2])).isPositive();
            assertThat(Double.parseDouble(cells[3])).isGreaterThanOrEqualTo(Double.parseDouble(cells[2]));
            assertThat(Double.parseDouble(cells[4])).isBetween(0.0, 1.0);
        }
        assertThat(run.out()).contains("moving-average", "1h", "coverage");
    }

    @Test
    void badMethodsHorizonsAndFoldersAreRefusedPlainly() {
        Path traces = TestScenarios.traceFolder(tmp.resolve("day"));
        String out = tmp.resolve("out").toString();

        assertThat(CliRun.refusedLeaving(tmp, "forecast-eval", traces.toString(), "--methods", "medain", "--out", out))
                .contains("--methods: expected one of", "found 'medain'; did you mean 'median'?");
        assertThat(CliRun.refusedLeaving(tmp, "forecast-eval", traces.toString(), "--horizons", "7m", "--out", out))
                .contains("--horizons: expected a multiple of the trace's sampling interval (300 s), found '7m'");
        assertThat(CliRun.refusedLeaving(tmp, "forecast-eval", traces.toString(), "--horizons", "soon", "--out", out))
                .contains("--horizons: expected durations such as 5m, 1h or 900s, found 'soon'");
        assertThat(CliRun.refusedLeaving(tmp, "forecast-eval", tmp.resolve("nowhere").toString(), "--out", out))
                .contains("nowhere: expected a folder of PlanetLab trace files, found nothing (it does not exist)");
    }
}
