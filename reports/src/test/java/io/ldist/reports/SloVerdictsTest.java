package io.ldist.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.reports.stats.PairedTests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cheapest variant that meets every objective on every run, and the report's section on it. */
class SloVerdictsTest {
    private static final List<Slo> WAIT_UNDER_A_MINUTE = List.of(Slo.parse("p95WaitS<=60"));

    /** Three fleet sizes: the cheapest drops tasks, the middle one misses on one seed of two, the dearest meets. */
    private static ResultsTable sweep() {
        SampleResults results = new SampleResults();
        Object[][] runs = {
                {"12", 1, 1000.0, 1000, 600, 0.0}, {"12", 2, 1010.0, 1000, 600, 0.0},
                {"16", 1, 1300.0, 1000, 1000, 30.0}, {"16", 2, 1310.0, 1000, 1000, 90.0},
                {"20", 1, 1500.0, 1000, 1000, 0.0}, {"20", 2, 1510.0, 1000, 1000, 0.0}};
        for (Object[] run : runs) {
            results.sweptRun("day", "maxHosts", (String) run[0], "-", (int) run[1], "costUsd", run[2],
                    "tasksArrived", run[3], "tasksCompleted", run[4], "p50WaitS", 0, "p95WaitS", run[5],
                    "p99WaitS", run[5]);
        }
        return results.table();
    }

    @Test
    void cheapestMeetingEveryObjectiveOnEveryRun_named_notTheCheapestThatDropsTasks() {
        ResultsTable results = sweep();
        SloVerdicts verdicts = new SloVerdicts(results, new Variants(results), WAIT_UNDER_A_MINUTE);

        assertThat(verdicts.verdicts()).extracting(v -> v.variant().value() + ":" + v.runsMeeting())
                .containsExactly("12:[0]", "16:[1]", "20:[2]");
        assertThat(verdicts.cheapestMeetingAll()).map(v -> v.variant().value()).contains("20");
        assertThat(verdicts.cheapestMeetingAll().orElseThrow().meanCost()).isEqualTo(1505.0);
    }

    @Test
    void noneMeetsIt_saidPlainly() {
        ResultsTable results = sweep();
        List<Slo> impossible = List.of(Slo.parse("p95WaitS<=60"), Slo.parse("costUsd<1000"));
        SloVerdicts verdicts = new SloVerdicts(results, new Variants(results), impossible);

        assertThat(verdicts.cheapestMeetingAll()).isEmpty();
        assertThat(new SloSection(verdicts).html()).contains("<b>No variant meets every objective</b>");
    }

    @Test
    void report_namesTheCheapestMeetingThem_andMarksItsCostInsteadOfTheCheapest() {
        ResultsTable results = sweep();

        String html = new ComparisonReport(results, null, PairedTests.named("wilcoxon"), parameter -> "",
                Optional.empty(), WAIT_UNDER_A_MINUTE).build(null, null).html();

        assertThat(html).contains("<b>Cheapest variant that meets every objective: day (maxHosts = 20)</b>, mean "
                + "cost 1,505.00 USD over its 2 runs.", "missed on 1 of 2", "missed on 2 of 2");
        assertThat(html).as("a sweep of one policy is titled as a sweep").contains("<h1>Sweep of max hosts: 3 values</h1>");
        assertThat(html).contains("<td class=\"best\"><span class=\"value\">1,505.00")
                .doesNotContain("<td class=\"best\"><span class=\"value\">1,005.00");
    }

    @Test
    void objectiveOnAMetricNoRunMeasured_said() {
        assertThat(SloVerdicts.unmeasured(sweep(), List.of(Slo.parse("slatah<=0.05"))))
                .containsExactly("--slo 'slatah<=0.05': no run measured slatah, so no variant meets it (these runs "
                        + "measured costUsd, tasksArrived, tasksCompleted, p95WaitS, p99WaitS)");
    }
}
