package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.cli.browser.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: opened in headless Chromium (driven through Selenium and Debian's
 * chromium-driver), every chart has loaded and every table has rows. A screenshot is left in target/ for a person
 * to look at; {@link ReportPrintsTest} prints reports and measures them on paper.
 */
class ReportInBrowserTest {
    private static Chromium chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.start(1200, 900);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void everyChartLoads_everyTableHasRows() throws Exception {
        Path scenario = TestScenarios.trace(tmp, "path: trace", "path: days/d1");
        TestScenarios.traceFolder(tmp.resolve("days/d1"));
        TestScenarios.traceFolder(tmp.resolve("days/d2"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.ldist("compare", scenario.toString(), "--policies", "thr-mmt-0.5,iqr-mmt,dvfs", "--days",
                "all", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        long charts;
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            charts = files.filter(f -> f.toString().endsWith(".png")).count();
        }

        chromium.open(out.resolve("report.html"));

        assertThat(chromium.evaluateLong("document.images.length")).isEqualTo(charts).isGreaterThanOrEqualTo(3);
        assertThat(chromium.brokenImages()).isEmpty();
        assertThat(chromium.tableBodyRows()).isNotEmpty().allSatisfy(rows -> assertThat(rows).isEqualTo(3));
        assertThat(chromium.evaluate("document.querySelector('h1').textContent"))
                .isEqualTo("Comparison of 3 policies");
        // Narrow as a phone or a printed column: every mean keeps its interval on its line.
        chromium.viewport(420, 800);
        assertThat(chromium.evaluateLong("document.querySelectorAll('td .value .ci').length")).isGreaterThan(10);
        assertThat(chromium.evaluate("Array.from(document.querySelectorAll('td .value'))"
                + ".filter(v => new Set(Array.from(v.getClientRects()).map(r => Math.round(r.top))).size !== 1)"
                + ".map(v => v.textContent)")).asList().isEmpty();
        Path screenshot = Path.of("target", "report-screenshot.png");
        chromium.screenshot(screenshot, 1200);
        assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    }

    @Test
    void theChecksSeeABrokenImageAndAnEmptyTable() throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"missing.png\">"
                + "<table><tbody></tbody></table><table><tbody><tr><td>1</td></tr></tbody></table></body></html>");

        chromium.open(page);

        assertThat(chromium.brokenImages()).hasSize(1).allSatisfy(src -> assertThat(src).endsWith("missing.png"));
        assertThat(chromium.tableBodyRows()).containsExactly(0, 1);
    }
}
