package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ldist.reports.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ldist compare: the run matrix (variants x days x seeds) in a fixed order, one time series per run, the same
 * numbers as ldist simulate gives for the same run, and the same bytes whatever the number of threads.
 */
class CompareTest {
    @TempDir
    Path tmp;

    /** The small trace scenario reading day d1 of a folder that also holds day d2 (one file fewer). */
    private Path twoDayScenario() throws IOException {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: days/d1");
        TestScenarios.traceFolder(tmp.resolve("days/d1"));
        TestScenarios.traceFolder(tmp.resolve("days/d2"));
        Files.delete(tmp.resolve("days/d2").resolve(TestScenarios.TRACE_FILES.get(0)));
        return scenario;
    }

    private CliRun compare(String... args) {
        CliRun run = CliRun.ldist(Stream.concat(Stream.of("compare"), Stream.of(args)).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void policiesDaysAndSeeds_oneRowPerRunInMatrixOrder_withItsTimeSeries() throws IOException {
        Path scenario = twoDayScenario();
        Path out = tmp.resolve("out");

        CliRun run = compare(scenario.toString(), "--policies", "thr-mmt-0.8,iqr-mc,dvfs", "--days", "all",
                "--seeds", "2", "--out", out.toString());

        ResultsTable results = ResultsTable.read(out.resolve("results.csv"));
        assertThat(results.rows()).hasSize(3 * 2 * 2);
        assertThat(results.rows()).extracting(r -> r.policy() + "/" + r.day() + "/" + r.seed()).containsExactly(
                "thr-mmt-0.8/d1/1", "thr-mmt-0.8/d1/2", "thr-mmt-0.8/d2/1", "thr-mmt-0.8/d2/2",
                "iqr-mc/d1/1", "iqr-mc/d1/2", "iqr-mc/d2/1", "iqr-mc/d2/2",
                "dvfs/d1/1", "dvfs/d1/2", "dvfs/d2/1", "dvfs/d2/2");
        assertThat(results.rows()).extracting(r -> r.metric("vms")).containsExactly(
                4.0, 4.0, 3.0, 3.0, 4.0, 4.0, 3.0, 3.0, 4.0, 4.0, 3.0, 3.0);
        assertThat(results.rowsOf("dvfs")).allSatisfy(r -> assertThat(r.metric("migrations")).isZero());
        for (ResultsTable.Row row : results.rows()) {
            List<String> lines = Files.readAllLines(out.resolve(row.timeseries()));
            assertThat(lines.get(0)).startsWith("timeS,activeHosts,");
            // The time series ends with the energy the summary reports.
            String[] last = lines.get(lines.size() - 1).split(",");
            assertThat(Double.parseDouble(last[10])).as(row.timeseries())
                    .isCloseTo(row.metric("energyKWh"), within(1e-6));
        }
        assertThat(run.out()).contains("12 runs (3 variants x 2 days x 2 seeds)", "thr-mmt-0.8", "iqr-mc", "dvfs")
                .contains("Wrote " + out + ": report.html (charts also in charts/), results.csv, "
                        + "results.provenance.json, timings.csv, runs/ (each run's time series)");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.html", "charts", "results.csv", "results.provenance.json",
                            "timings.csv", "runs");
        }
    }

    @Test
    void variantsThatChangeNothing_namedAsIdentical() throws IOException {
        // The same scenario under two names: every run of one is a run of the other.
        Path scenario = TestScenarios.tasks(tmp);
        Path copy = Files.copy(scenario, tmp.resolve("copy.yaml"));
        Path out = tmp.resolve("out");

        CliRun run = compare(scenario.toString(), copy.toString(), "--seeds", "2", "--out", out.toString());

        assertThat(run.out()).startsWith("4 runs (2 variants x 2 seeds) on ");
        assertThat(run.out()).contains("\nNote: tasks and copy gave identical results on every run (every metric, "
                + "every day and seed): nothing here tells them apart.\n");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<b>Identical runs:</b> tasks and copy gave the same value");
    }

    @Test
    void summaryTable_longHeadingsAndNames_keepTheirColumnsApart() throws IOException {
        // The quickstart shows "95th percentile wait (s)", longer than a column; a long file name names a variant.
        Path scenario = tmp.resolve("a-rather-long-scenario-name-here.yaml");
        try (java.io.InputStream quickstart = getClass().getClassLoader()
                .getResourceAsStream(io.ldist.scenario.ScenarioLoader.EMBEDDED_QUICKSTART)) {
            Files.copy(quickstart, scenario);
        }

        CliRun run = compare(scenario.toString(), "--out", tmp.resolve("out").toString());

        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("policy (mean)")).findFirst()
                .orElseThrow());
        String heading = lines.get(header);
        String row = lines.get(header + 1);
        assertThat(heading).contains(" tasks late ", " 95th percentile wait (s)");
        assertThat(row).startsWith("a-rather-long-scenario-name-here ");
        // Every value ends where its heading ends (right-aligned), the last heading included.
        assertThat(row).hasSameSizeAs(heading);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\\S+").matcher(row);
        int values = 0;
        while (value.find()) {
            int end = value.end() - 1;
            if (value.start() > 0) {
                assertThat(heading.charAt(end)).as("heading over the value ending at %d", end).isNotEqualTo(' ');
                assertThat(end + 1 == heading.length() || heading.charAt(end + 1) == ' ').isTrue();
            }
            values++;
        }
        assertThat(values).isEqualTo(1 + 1 + 4); // name, runs, energy, cost, tasks late, p95 wait
    }

    @Test
    void samePoliciesOnTwoScenarios_oneSummaryRowEach() throws IOException {
        Path first = TestScenarios.tasks(tmp);
        Path second = TestScenarios.tasks(tmp.resolve("b"), "name: small-tasks", "name: other");

        CliRun run = compare(first.toString(), second.toString(), "--policies", "first-fit,best-fit", "--out",
                tmp.resolve("out").toString());

        List<String> rows = run.out().lines().filter(l -> l.matches("(first|best)-fit on .*")).toList();
        assertThat(rows).extracting(l -> l.substring(0, l.indexOf("  "))).containsExactly("first-fit on small-tasks",
                "best-fit on small-tasks", "first-fit on other", "best-fit on other");
        assertThat(rows).allMatch(l -> l.matches("\\S.*\\s+1\\s+.*"));
    }

    @Test
    void oneScenarioAlone_sameNumbersAsSimulate() {
        Path scenario = TestScenarios.trace(tmp);
        Path compared = tmp.resolve("compared");
        Path simulated = tmp.resolve("simulated");

        compare(scenario.toString(), "--out", compared.toString(), "--quiet");
        CliRun simulate = CliRun.ldist("simulate", scenario.toString(), "--out", simulated.toString(), "--quiet");

        assertThat(simulate.exitCode()).as(simulate.toString()).isZero();
        ResultsTable.Row row = ResultsTable.read(compared.resolve("results.csv")).rows().get(0);
        assertThat(row.policy()).isEqualTo("trace");
        assertThat(row.day()).as("no day: an empty cell").isEmpty();
        String summary = TestScenarios.read(simulated.resolve("summary.json"));
        assertThat(summary).contains("\"migrations\": " + (long) row.metric("migrations") + ",");
        assertThat(summary).contains("\"energyKWh\": " + io.ldist.sim.record.RunOutput.number(row.metric("energyKWh"))
                + ",");
        assertThat(compared.resolve(row.timeseries())).hasSameBinaryContentAs(simulated.resolve("timeseries.csv"));
    }

    @Test
    void oneOfEach_saidInTheSingular() {
        Path scenario = TestScenarios.trace(tmp);

        CliRun run = compare(scenario.toString(), "--days", "trace", "--threads", "1", "--out",
                tmp.resolve("out").toString());

        assertThat(run.out()).startsWith("1 run (1 variant x 1 day x 1 seed) on 1 thread in ");
    }

    @Test
    void oneThreadOrTwo_byteIdenticalResultsAndTimeSeries() throws IOException {
        Path scenario = twoDayScenario();
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        String[] common = {scenario.toString(), "--policies", "thr-rs-0.7,mad-mmt", "--days", "d1,d2", "--seeds", "2",
                "--quiet"};

        compare(Stream.concat(Stream.of(common), Stream.of("--threads", "1", "--out", one.toString()))
                .toArray(String[]::new));
        compare(Stream.concat(Stream.of(common), Stream.of("--threads", "2", "--out", two.toString()))
                .toArray(String[]::new));

        assertThat(two.resolve("results.csv")).hasSameBinaryContentAs(one.resolve("results.csv"));
        for (ResultsTable.Row row : ResultsTable.read(one.resolve("results.csv")).rows()) {
            assertThat(two.resolve(row.timeseries())).hasSameBinaryContentAs(one.resolve(row.timeseries()));
        }
    }

    @Test
    void sweep_oneVariantPerPolicyAndValue_namedByParameterAndValue() {
        Path scenario = TestScenarios.trace(tmp);
        Path sweep = TestScenarios.write(tmp.resolve("sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.3, 0.9]
                policies: [thr-mmt, thr-mu]
                """);
        Path out = tmp.resolve("out");

        compare(scenario.toString(), "--sweep", sweep.toString(), "--out", out.toString(), "--quiet");

        List<ResultsTable.Row> rows = ResultsTable.read(out.resolve("results.csv")).rows();
        assertThat(rows).extracting(r -> r.policy() + " " + r.parameter() + "=" + r.value()).containsExactly(
                "thr-mmt policies.overload.threshold=0.3", "thr-mmt policies.overload.threshold=0.9",
                "thr-mu policies.overload.threshold=0.3", "thr-mu policies.overload.threshold=0.9");
        // A lower threshold finds more servers overloaded, so it migrates more.
        assertThat(rows.get(0).metric("migrations")).isGreaterThan(rows.get(1).metric("migrations"));
    }

    @Test
    void setAndScale_applyToEveryVariant() {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        compare(scenario.toString(), "--policies", "thr-mmt,mad-mu", "--set", "duration=1h", "--scale", "2",
                "--out", out.toString(), "--quiet");

        assertThat(ResultsTable.read(out.resolve("results.csv")).rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.metric("simulatedS")).isEqualTo(3600);
            assertThat(row.metric("hosts")).isEqualTo(6);
            assertThat(row.metric("vms")).isEqualTo(8);
        });
    }

    @Test
    void shippedSweep_runsEveryPolicyAndValue() {
        Path scenario = TestScenarios.trace(tmp);
        Path out = tmp.resolve("out");

        compare(scenario.toString(), "--sweep", TestScenarios.SCENARIOS.resolve("sweeps/thr-threshold.yaml").toString(),
                "--out", out.toString(), "--quiet");

        assertThat(ResultsTable.read(out.resolve("results.csv")).rows())
                .extracting(r -> r.policy() + " " + r.value()).containsExactly("thr-mmt 0.6", "thr-mmt 0.7",
                        "thr-mmt 0.8", "thr-mmt 0.9", "thr-mmt 1.0", "thr-mu 0.6", "thr-mu 0.7", "thr-mu 0.8",
                        "thr-mu 0.9", "thr-mu 1.0");
    }

    @Test
    void shippedFleetSizeSweep_onTheShippedDay_moreServersLessWaiting() {
        Path out = tmp.resolve("out");

        // The first hours of the day (to 11 h, past the morning rise) keep the test short.
        compare(TestScenarios.SCENARIOS.resolve("tasks/ec2-day.yaml").toString(), "--sweep",
                TestScenarios.SCENARIOS.resolve("sweeps/ec2-max-hosts.yaml").toString(), "--set", "duration=11h",
                "--out", out.toString(), "--quiet");

        List<ResultsTable.Row> rows = ResultsTable.read(out.resolve("results.csv")).rows();
        assertThat(rows).extracting(r -> r.policy() + " " + r.value()).containsExactly("ec2-day 12", "ec2-day 14",
                "ec2-day 16", "ec2-day 18", "ec2-day 20");
        // A ceiling of 12 servers makes tasks wait by 11 h; 20 is more than the morning needs.
        assertThat(rows.get(0).metric("p95WaitS")).isGreaterThan(rows.get(4).metric("p95WaitS"));
        assertThat(rows.get(0).metric("costUsd")).isLessThan(rows.get(4).metric("costUsd"));
    }

    @Test
    void forcedIntoAnEarlierComparison_replacesItsRunsEntirely() throws IOException {
        Path scenario = twoDayScenario();
        Path out = tmp.resolve("out");
        compare(scenario.toString(), "--days", "d1,d2", "--out", out.toString(), "--quiet");

        compare(scenario.toString(), "--days", "d2", "--out", out.toString(), "--force", "--quiet");

        ResultsTable results = ResultsTable.read(out.resolve("results.csv"));
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.map(p -> "runs/" + p.getFileName()))
                    .containsExactlyElementsOf(results.rows().stream().map(ResultsTable.Row::timeseries).toList());
        }
    }
}
