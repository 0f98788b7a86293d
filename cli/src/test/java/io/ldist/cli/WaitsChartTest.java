package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare writes, beside each task-stream run's time series, how many of its tasks started within each wait of a
 * grid, of all that arrived; the report draws them as one curve per variant that tops out at the share that
 * started, so dropped tasks show. Trace replays have no tasks and no such file.
 */
class WaitsChartTest {
    @TempDir
    Path tmp;

    private Path compareTasks() {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "least-loaded,first-fit", "--seeds",
                "2", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void taskStreamRuns_writeTheirWaits_andTheReportDrawsThem() throws IOException {
        Path out = compareTasks();

        assertThat(names(out.resolve("runs"))).containsExactly("0001-least-loaded-seed7.csv",
                "0001-least-loaded-seed7.waits.csv", "0002-least-loaded-seed8.csv", "0002-least-loaded-seed8.waits.csv",
                "0003-first-fit-seed7.csv", "0003-first-fit-seed7.waits.csv", "0004-first-fit-seed8.csv",
                "0004-first-fit-seed8.waits.csv");
        List<String> waits = Files.readAllLines(out.resolve("runs/0001-least-loaded-seed7.waits.csv"));
        assertThat(waits.get(0)).isEqualTo("waitS,tasksStarted,tasksArrived");
        assertThat(waits.get(1)).startsWith("0,");
        long arrived = Long.parseLong(waits.get(1).split(",")[2]);
        long previous = -1;
        for (String line : waits.subList(1, waits.size())) {
            String[] cells = line.split(",");
            long started = Long.parseLong(cells[1]);
            assertThat(started).as(line).isBetween(Math.max(previous, 0), arrived);
            assertThat(Long.parseLong(cells[2])).isEqualTo(arrived);
            previous = started;
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Task waits, dropped tasks counted", "charts/waits.png", "never start");
        assertThat(names(out.resolve("charts"))).contains("waits.png", "waits.svg");
    }

    @Test
    void aRunOnTheScenariosOwnWorkload_namedByDash_forTheTimeSeries() throws IOException {
        Path out = compareTasks();

        CliRun run = CliRun.ldist("report", out.toString(), "--run", "-/8", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("One run per policy over time (seed 8)");
    }

    @Test
    void resultsWithoutWaitsFiles_earlierLdist_reportedWithoutTheChart() throws IOException {
        Path out = compareTasks();
        for (String name : names(out.resolve("runs"))) {
            if (name.endsWith(".waits.csv")) {
                Files.delete(out.resolve("runs").resolve(name));
            }
        }

        CliRun run = CliRun.ldist("report", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("charts/waits.png");
    }

    @Test
    void aDamagedWaitsFile_refusedWithItsLine_reportUntouched() throws IOException {
        Path out = compareTasks();
        Path file = out.resolve("runs/0003-first-fit-seed7.waits.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replaceFirst("^[^,]*,", "2,x"));
        Files.write(file, lines);
        Map<String, Long> before = listing(tmp);
        byte[] report = Files.readAllBytes(out.resolve("report.html"));

        CliRun run = CliRun.ldist("report", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).startsWith(file + ":4: tasksStarted: expected a number, found 'x");
        assertThat(listing(tmp)).isEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(report);
    }

    @Test
    void traceReplays_haveNoWaitsFile() throws IOException {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("traced");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "thr-mmt-0.5,dvfs", "--out",
                out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertThat(names(out.resolve("runs"))).noneMatch(name -> name.endsWith(".waits.csv"));
        assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("charts/waits.png");
    }
}
