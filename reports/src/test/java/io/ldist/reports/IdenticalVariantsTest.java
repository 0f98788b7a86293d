package io.ldist.reports;

import io.ldist.reports.stats.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdenticalVariantsTest {
    private static List<List<String>> groups(ResultsTable results) {
        return IdenticalVariants.of(results, new Variants(results)).stream()
                .map(g -> g.stream().map(Variant::label).toList()).toList();
    }

    @Test
    void sameMetricsOnEveryRun_grouped_inOrder() {
        ResultsTable results = new SampleResults()
                .run("a", "d1", 1, "energyKWh", 5, "p95WaitS", Double.NaN)
                .run("a", "d1", 2, "energyKWh", 6, "p95WaitS", Double.NaN)
                .run("b", "d1", 1, "energyKWh", 5, "p95WaitS", 1)
                .run("b", "d1", 2, "energyKWh", 6, "p95WaitS", Double.NaN)
                .run("c", "d1", 1, "energyKWh", 5, "p95WaitS", Double.NaN)
                .run("c", "d1", 2, "energyKWh", 6, "p95WaitS", Double.NaN)
                .table();

        assertThat(groups(results)).containsExactly(List.of("a", "c"));
    }

    @Test
    void sameValuesOnOtherSeeds_notIdentical() {
        ResultsTable results = new SampleResults()
                .run("a", "d1", 1, "energyKWh", 5)
                .run("b", "d1", 2, "energyKWh", 5)
                .table();

        assertThat(groups(results)).isEmpty();
    }

    @Test
    void oneMetricApartOnOneRun_notIdentical() {
        ResultsTable results = new SampleResults()
                .run("a", "d1", 1, "energyKWh", 5, "migrations", 3)
                .run("a", "d2", 1, "energyKWh", 7, "migrations", 3)
                .run("b", "d1", 1, "energyKWh", 5, "migrations", 3)
                .run("b", "d2", 1, "energyKWh", 7, "migrations", 4)
                .table();

        assertThat(groups(results)).isEmpty();
    }

    @Test
    void theReportNamesThemAtTheTop() {
        ResultsTable results = new SampleResults()
                .run("least-loaded", "-", 1, "energyKWh", 5).run("least-loaded", "-", 2, "energyKWh", 6)
                .run("first-fit", "-", 1, "energyKWh", 5).run("first-fit", "-", 2, "energyKWh", 6)
                .run("best-fit", "-", 1, "energyKWh", 5).run("best-fit", "-", 2, "energyKWh", 6)
                .table();

        String html = new ComparisonReport(results, null, new WilcoxonSignedRankTest()).build(Path.of("."), null)
                .html();

        assertThat(html.substring(0, html.indexOf("<h2>"))).contains("<p class=\"note\"><b>Identical runs:</b> "
                + "least-loaded, first-fit and best-fit gave the same value of every metric on every run (2 runs "
                + "each, on the same days and seeds). They tie in every table and no test can tell them apart: what "
                + "sets them apart had no effect on these runs.</p>");
    }
}
