package io.ldist.cli;

import static io.ldist.cli.TestScenarios.listing;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ldist report rebuilds a comparison's report from results.csv, the same bytes compare wrote; bad input is
 * refused with exit code 2 and a message that names the mistake, and the report already there is left whole.
 */
class ReportTest {
    @TempDir
    Path tmp;

    private Path out;

    @BeforeEach
    void compareTwoPoliciesOnTwoDays() throws IOException {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: days/d1");
        TestScenarios.traceFolder(tmp.resolve("days/d1"));
        TestScenarios.traceFolder(tmp.resolve("days/d2"));
        Files.delete(tmp.resolve("days/d2").resolve(TestScenarios.TRACE_FILES.get(0)));
        out = tmp.resolve("out");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "thr-mmt-0.5,dvfs", "--days", "all",
                "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private String refused(String... args) {
        Map<String, Long> before = listing(tmp);
        byte[] report = read(out.resolve("report.html"));
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));

        CliRun run = CliRun.ldist(all.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(listing(tmp)).as("files under the test folder").isEqualTo(before);
        assertThat(read(out.resolve("report.html"))).as("the earlier report").isEqualTo(report);
        return run.err();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rebuildsTheSameReportCompareWrote_withEveryChartAsPngAndSvg() throws IOException {
        byte[] written = read(out.resolve("report.html"));
        Files.delete(out.resolve("report.html"));

        CliRun run = CliRun.ldist("report", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Wrote " + out.resolve("report.html") + " (4 runs;");
        assertThat(read(out.resolve("report.html"))).isEqualTo(written);
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("thr-mmt-0.5 <i>(baseline)</i>", "dvfs", "Pareto front", "p = ",
                "data:image/png;base64,");
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            List<String> names = charts.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("timeseries.png", "timeseries.svg", "box-energyKWh.png", "box-energyKWh.svg");
            for (String name : names) {
                String stem = name.substring(0, name.lastIndexOf('.'));
                assertThat(html).as(name).contains("charts/" + name, "id=\"" + stem + "\"");
            }
        }
        assertThat(Files.readString(out.resolve("charts/timeseries.svg"))).startsWith("<?xml").contains("<svg ");
        assertThat(read(out.resolve("charts/timeseries.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void anotherBaselineAndTest() throws IOException {
        CliRun run = CliRun.ldist("report", out.toString(), "--baseline", "dvfs", "--test", "paired-t",
                "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("dvfs <i>(baseline)</i>", "paired t-test");
    }

    @Test
    void unknownBaseline_namesTheNearestPolicy() {
        assertThat(refused(out.toString(), "--baseline", "dvsf"))
                .isEqualTo("--baseline: no policy 'dvsf' in these results; did you mean 'dvfs'? "
                        + "(there: thr-mmt-0.5, dvfs)\n");
    }

    @Test
    void unknownTest_namesTheTests() {
        assertThat(refused(out.toString(), "--test", "t-test"))
                .isEqualTo("--test: no test 't-test' (tests: wilcoxon, paired-t)\n");
    }

    @Test
    void unknownRun_namesWhatIsThere() {
        assertThat(refused(out.toString(), "--run", "20110303"))
                .isEqualTo("--run: no run on '20110303' in these results (days there: d1, d2)\n");
    }

    @Test
    void emptyFolder_saysToRunCompareFirst() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(refused(empty.toString()))
                .isEqualTo(empty.resolve("results.csv") + ": no results.csv here (run `ldist compare ... --out "
                        + empty + "` first)\n");
    }

    @Test
    void noSuchFolder() {
        assertThat(refused(tmp.resolve("nowhere").toString()))
                .isEqualTo(tmp.resolve("nowhere") + ": no such folder (give the --out folder of ldist compare)\n");
    }

    @Test
    void resultsFromBeforeTheFormatColumn_refusedWithWhatToDo() throws IOException {
        Path results = out.resolve("results.csv");
        List<String> lines = Files.readAllLines(results);
        // Before the format column, nothing says how to read a file: refused, not guessed at.
        List<String> older = lines.stream().map(l -> l.replaceFirst("^format,", "")
                .replaceFirst("^ldist-results-2,", "")).toList();
        Files.write(results, older);

        assertThat(refused(out.toString()))
                .startsWith(results + ":1: no column for format (every results.csv has format, scenario, policy, "
                        + "parameter, value, day, seed, timeseries), found 'scenario,policy,")
                .endsWith("the file was cut or edited, or written by an ldist too early to report: run the "
                        + "comparison again\n");
    }

    /** results.csv without the given column, in its header and every row. */
    private void dropColumn(String name) throws IOException {
        Path results = out.resolve("results.csv");
        List<String> lines = Files.readAllLines(results);
        int column = List.of(lines.get(0).split(",", -1)).indexOf(name);
        assertThat(column).as(name).isNotNegative();
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(column);
            cut.add(String.join(",", cells));
        }
        Files.write(results, cut);
    }

    /** results.csv with every run's format set to the given one. */
    private void setFormat(String format) throws IOException {
        Path results = out.resolve("results.csv");
        Files.write(results, Files.readAllLines(results).stream()
                .map(l -> l.replaceFirst("^ldist-results-2,", format + ",")).toList());
    }

    private CliRun reported() {
        CliRun run = CliRun.ldist("report", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void resultsOfTheFirstFormat_withoutFailoversUnrecovered_reportedWithANotice() throws IOException {
        byte[] written = read(out.resolve("report.html"));
        dropColumn("failoversUnrecovered");
        setFormat("ldist-results-1");
        Files.delete(out.resolve("report.html"));

        CliRun run = reported();

        assertThat(run.err()).isEqualTo("ldist: notice: " + out.resolve("results.csv") + ": written by an earlier "
                + "ldist (format ldist-results-1), no column for failoversUnrecovered; the report leaves it out\n");
        // These runs had no failovers, so the report never showed the metric: the same page as compare's.
        assertThat(read(out.resolve("report.html"))).isEqualTo(written);
    }

    @Test
    void resultsWithoutMetricColumns_reportedWithoutThem_saidOnce() throws IOException {
        assertThat(Files.readString(out.resolve("report.html"))).contains("<code>pdm</code>", "<code>slav</code>");
        dropColumn("slav");
        dropColumn("pdm");

        CliRun run = reported();

        assertThat(run.err()).isEqualTo("ldist: notice: " + out.resolve("results.csv") + ": no column for pdm, slav "
                + "(written by an earlier ldist, or edited); the report leaves them out\n");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<code>slatah</code>")
                .doesNotContain("<code>pdm</code>", "<code>slav</code>", "box-slav");
    }

    @Test
    void resultsWithAColumnOfANewerLdist_readPastWithANotice() throws IOException {
        byte[] written = read(out.resolve("report.html"));
        Path results = out.resolve("results.csv");
        List<String> lines = Files.readAllLines(results);
        List<String> wider = new ArrayList<>(List.of(lines.get(0) + ",carbonKg"));
        lines.stream().skip(1).map(l -> l + ",\"not, a number\"").forEach(wider::add);
        Files.write(results, wider);

        CliRun run = reported();

        assertThat(run.err()).isEqualTo("ldist: notice: " + results + ": a column this ldist does not know, carbonKg "
                + "(written by a newer ldist?); the report leaves it out\n");
        assertThat(read(out.resolve("report.html"))).isEqualTo(written);
    }

    @Test
    void resultsOfANewerFormat_refused() throws IOException {
        setFormat("ldist-results-3");

        assertThat(refused(out.toString())).isEqualTo(out.resolve("results.csv") + ":2: format ldist-results-3 was "
                + "written by a newer ldist, whose columns this one (format ldist-results-2 and earlier) would "
                + "misread; report it with that ldist or a newer one\n");
    }

    @Test
    void resultsOfNoLdistFormat_refused() throws IOException {
        setFormat("results-2");

        assertThat(refused(out.toString())).isEqualTo(out.resolve("results.csv") + ":2: expected format "
                + "ldist-results-N (N up to 2), found 'results-2'; this file was not written by ldist compare\n");
    }

    @Test
    void resultsWithoutAnIdentityColumn_refusedWithNothingWritten() throws IOException {
        dropColumn("seed");

        assertThat(refused(out.toString())).startsWith(out.resolve("results.csv") + ":1: no column for seed "
                + "(every results.csv has format, scenario, policy, parameter, value, day, seed, timeseries)");
    }

    @Test
    void resultsWithoutTheRunsSize_stillReported() throws IOException {
        dropColumn("simulatedS");

        CliRun run = CliRun.ldist("report", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aMissingTimeSeries_namesTheFile() throws IOException {
        Path series;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            series = runs.sorted().findFirst().orElseThrow();
        }
        Files.delete(series);

        assertThat(refused(out.toString()))
                .isEqualTo(out.resolve("runs").resolve(series.getFileName()) + ": no such time series (results.csv "
                        + "names it; was the runs folder moved or deleted?)\n");
    }

    private Path sweepOfTwoThresholds() {
        Path scenario = TestScenarios.trace(tmp.resolve("swept"));
        Path sweep = TestScenarios.write(tmp.resolve("swept/sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.3, 0.9]
                """);
        Path swept = tmp.resolve("swept/out");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--sweep", sweep.toString(), "--out",
                swept.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return swept;
    }

    @Test
    void runValue_choosesTheSweptValueOverTime() throws IOException {
        Path swept = sweepOfTwoThresholds();
        assertThat(Files.readString(swept.resolve("report.html"))).contains("seed 1, overload threshold = 0.3)");

        CliRun run = CliRun.ldist("report", swept.toString(), "--run-value", "0.90", "--quiet");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(swept.resolve("report.html"))).contains("seed 1, overload threshold = 0.9)")
                .doesNotContain("overload threshold = 0.3)");
    }

    @Test
    void unknownRunValue_namesTheValuesThere() {
        Path swept = sweepOfTwoThresholds();

        assertThat(refused(swept.toString(), "--run-value", "0.8"))
                .isEqualTo("--run-value: no value '0.8' of overload threshold (policies.overload.threshold) in these "
                        + "results; the nearest value swept is 0.9 (values there: 0.3, 0.9)\n");
    }

    @Test
    void runValueWithoutASweep_refused() {
        assertThat(refused(out.toString(), "--run-value", "0.8"))
                .isEqualTo("--run-value: these results sweep no parameter; give --run-value only for a comparison "
                        + "made with --sweep\n");
    }

    @Test
    void compareRefusesAnUnknownRunValueBeforeRunning() {
        Path scenario = TestScenarios.trace(tmp.resolve("swept"));
        Path sweep = TestScenarios.write(tmp.resolve("swept/sweep.yaml"), """
                parameter: policies.overload.threshold
                values: [0.3, 0.9]
                """);
        Map<String, Long> before = listing(tmp);

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--sweep", sweep.toString(), "--run-value", "0.09",
                "--out", tmp.resolve("other").toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("--run-value: no value '0.09' of overload threshold "
                + "(policies.overload.threshold) in these results; the nearest value swept is 0.3 (values there: 0.3, "
                + "0.9)\n");
        assertThat(listing(tmp)).isEqualTo(before);
    }

    @Test
    void compareRefusesAnUnknownRunBeforeRunning() {
        Path scenario = TestScenarios.tasks(tmp);
        Map<String, Long> before = listing(tmp);

        CliRun noDay = CliRun.ldist("compare", scenario.toString(), "--run", "nosuchday", "--out",
                tmp.resolve("other").toString());
        CliRun badSeed = CliRun.ldist("compare", scenario.toString(), "--run", "-/x", "--out",
                tmp.resolve("other").toString());

        assertThat(noDay.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(noDay.err()).isEqualTo("--run: no run on 'nosuchday' in these results (days there: none: each "
                + "run used its scenario's own workload, give -/SEED)\n");
        assertThat(badSeed.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(badSeed.err()).isEqualTo("--run: expected DAY or DAY/SEED, found a seed 'x'\n");
        assertThat(listing(tmp)).isEqualTo(before);
    }

    @Test
    void compareRefusesAnUnknownBaselineBeforeRunning() {
        Path scenario = TestScenarios.tasks(tmp);
        Map<String, Long> before = listing(tmp);

        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "least-loaded,first-fit",
                "--baseline", "best-fit", "--out", tmp.resolve("other").toString());

        assertThat(run.exitCode()).isEqualTo(Ldist.BAD_INPUT);
        assertThat(run.err()).isEqualTo("--baseline: no policy 'best-fit' in these results (there: least-loaded, "
                + "first-fit)\n");
        assertThat(listing(tmp)).isEqualTo(before);
    }
}
