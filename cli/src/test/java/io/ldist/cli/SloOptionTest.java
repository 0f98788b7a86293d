package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --slo} of compare and report: a mistake refused before any work (exit 2, nothing written, the metric
 * or operator named), and the report and compare's summary naming the cheapest variant that meets it.
 */
class SloOptionTest {
    @TempDir
    Path tmp;

    @Test
    void compare_misspeltMetric_refusedBeforeAnyRun_withTheNearestName() {
        Path scenario = TestScenarios.tasks(tmp);

        String err = CliRun.refusedLeaving(tmp, "compare", scenario.toString(), "--slo", "p95wait<=60", "--out",
                tmp.resolve("out").toString());

        assertThat(err).startsWith("--slo 'p95wait<=60': no metric 'p95wait'; did you mean 'p95WaitS'? (metrics: ");
    }

    @Test
    void compare_badOperator_refusedBeforeAnyRun() {
        Path scenario = TestScenarios.tasks(tmp);

        String err = CliRun.refusedLeaving(tmp, "compare", scenario.toString(), "--slo", "p95WaitS=60", "--out",
                tmp.resolve("out").toString());

        assertThat(err).isEqualTo("--slo 'p95WaitS=60': unknown operator '=' (expected <=, <, >= or >)\n");
    }

    @Test
    void report_objectiveOnAMetricNoRunMeasured_refusedLeavingTheReport() throws IOException {
        Path out = compared();
        byte[] report = Files.readAllBytes(out.resolve("report.html"));

        String err = CliRun.refusedLeaving(tmp, "report", out.toString(), "--slo", "maxTimeToRecoverS<=60");

        assertThat(err).startsWith("--slo 'maxTimeToRecoverS<=60': no run measured maxTimeToRecoverS, so no "
                + "variant meets it (these runs measured ");
        assertThat(Files.readAllBytes(out.resolve("report.html"))).isEqualTo(report);
    }

    @Test
    void compareAndReport_nameTheCheapestMeetingTheObjectives() throws IOException {
        Path scenario = TestScenarios.tasks(tmp);
        Path out = tmp.resolve("out");

        CliRun compare = CliRun.ldist("compare", scenario.toString(), "--policies", "least-loaded,first-fit",
                "--slo", "tasksDropped<=0,p95WaitS<=3600", "--out", out.toString());

        assertThat(compare.exitCode()).as(compare.toString()).isZero();
        assertThat(compare.out()).containsPattern("(Cheapest meeting|Meeting) tasksDropped<=0, p95WaitS<=3600 on "
                + "every run: ");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Service-level objectives</h2>", "<code>tasksDropped&lt;=0</code>");

        CliRun report = CliRun.ldist("report", out.toString(), "--slo", "tasksDropped<=0,p95WaitS<=3600",
                "--quiet");

        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).as("report rebuilds what compare wrote")
                .isEqualTo(html);
    }

    private Path compared() {
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("compare", TestScenarios.tasks(tmp).toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return out;
    }
}
